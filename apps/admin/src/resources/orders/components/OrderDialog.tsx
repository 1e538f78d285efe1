import { Alert, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { Button, Form, maxLength, required, SaveButton, TextInput } from 'react-admin';
import type { FieldValues, SubmitHandler } from 'react-hook-form';

/**
 * A dialog around one call on an order: a title, what the action does, the inputs, why the
 * call was refused, Back and the submit button (both off while the call runs). `testId` names
 * the dialog (`<testId>-dialog`), the refusal (`<testId>-error`) and the submit (`<testId>-submit`).
 * `header` sits between the title and the content (tabs); a new `formKey` starts the form afresh
 * from `defaultValues` (once what they are made of has loaded).
 */
export const OrderDialog = ({
  open,
  onClose,
  testId,
  title,
  body,
  defaultValues,
  onSubmit,
  failure,
  isPending,
  submitLabel,
  submitIcon,
  maxWidth = 'sm',
  header,
  formKey,
  children,
}: {
  open: boolean;
  onClose: () => void;
  testId: string;
  title: string;
  body?: ReactNode;
  defaultValues?: FieldValues;
  onSubmit: (values: FieldValues) => unknown;
  failure: string | null;
  isPending: boolean;
  submitLabel: string;
  submitIcon?: ReactElement;
  maxWidth?: 'xs' | 'sm' | 'md';
  header?: ReactNode;
  formKey?: string;
  children?: ReactNode;
}) => (
  <Dialog
    open={open}
    onClose={isPending ? undefined : onClose}
    onClick={(event) => event.stopPropagation()}
    fullWidth
    maxWidth={maxWidth}
    data-testid={`${testId}-dialog`}
  >
    <Form key={formKey} defaultValues={defaultValues} onSubmit={onSubmit as SubmitHandler<FieldValues>} noValidate>
      <DialogTitle>{title}</DialogTitle>
      {header}
      <DialogContent>
        {body && <DialogContentText sx={{ mb: 2 }}>{body}</DialogContentText>}
        {children}
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid={`${testId}-error`}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="resources.orders.dialogs.keep" onClick={onClose} disabled={isPending} />
        <SaveButton
          label={submitLabel}
          icon={submitIcon}
          disabled={isPending}
          alwaysEnable={!isPending}
          data-testid={`${testId}-submit`}
        />
      </DialogActions>
    </Form>
  </Dialog>
);

const validateReason = [required(), maxLength(500)];

/** The reason an action asks for (hold, reject, cancel, approve anyway); the API keeps up to 500 characters. */
export const ReasonInput = () => (
  <TextInput
    source="reason"
    label="resources.orders.dialogs.reason"
    validate={validateReason}
    helperText="resources.orders.dialogs.reason_hint"
    multiline
    minRows={2}
    fullWidth
    autoFocus
    data-testid="order-reason-input"
  />
);
