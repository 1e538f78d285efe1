import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, type DialogProps, Typography } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { Button, Form, type RaRecord, SaveButton, useTranslate } from 'react-admin';
import type { DefaultValues, FieldValues, SubmitHandler } from 'react-hook-form';
import type { StockLevel } from '../types';
import type { StockAction } from './useStockAction';

/**
 * The dialog of a row action: its form, the reason a call was refused, Cancel and the submit
 * button, both off while the call runs. `testId` names the dialog (`<testId>-dialog`), the
 * refusal (`<testId>-error`) and the submit button (`<testId>-submit`).
 */
export const StockActionDialog = <T extends FieldValues>({
  action,
  testId,
  title,
  defaultValues,
  record,
  onSubmit,
  maxWidth = 'xs',
  submitLabel,
  submitIcon,
  children,
}: {
  action: Pick<StockAction, 'open' | 'close' | 'failure' | 'isPending'>;
  testId: string;
  title: string;
  defaultValues: DefaultValues<T>;
  /** The record the form starts from; without one it takes the page's (the row's). */
  record?: Partial<RaRecord>;
  onSubmit: (values: Partial<T>) => unknown;
  maxWidth?: DialogProps['maxWidth'];
  /** SaveButton's own label and icon when not given. */
  submitLabel?: string;
  submitIcon?: ReactElement;
  children: ReactNode;
}) => (
  <Dialog
    open={action.open}
    onClose={action.close}
    onClick={(event) => event.stopPropagation()}
    fullWidth
    maxWidth={maxWidth}
    data-testid={`${testId}-dialog`}
  >
    <Form<FieldValues> record={record} defaultValues={defaultValues} onSubmit={onSubmit as SubmitHandler<FieldValues>} noValidate>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {children}
        {action.failure && (
          <Alert severity="error" data-testid={`${testId}-error`}>
            {action.failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={action.close} disabled={action.isPending} />
        <SaveButton label={submitLabel} icon={submitIcon} disabled={action.isPending} data-testid={`${testId}-submit`} />
      </DialogActions>
    </Form>
  </Dialog>
);

/** The level's quantities, above the inputs of a dialog that changes them. */
export const CurrentLevel = ({ level, testId }: { level: StockLevel; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid={testId}>
      {translate('resources.stock-levels.movement_dialog.current', {
        onHand: level.onHand,
        reserved: level.reserved,
        available: level.available,
      })}
      {level.binned > 0 && (
        <>
          <br />
          {translate('resources.stock-levels.movement_dialog.binned', { binned: level.binned, unbinned: level.unbinned })}
        </>
      )}
    </Typography>
  );
};
