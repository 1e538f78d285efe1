import EditIcon from '@mui/icons-material/EditNote';
import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useCanAccess, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { type FieldValues, useWatch } from 'react-hook-form';
import { formatPrice } from '../../../money';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { estimateWithLinesMinor, type NestedErrors, orderFormErrors, type OrderFormLine, toLineFormValues, toLineInput } from '../form';
import { linesEditable, type Order } from '../types';
import { OrderDialog } from './OrderDialog';
import { LineItemsInput } from './OrderFormFields';
import { useOrderAction } from './useOrderAction';

/** Whether the user may change the order's items now (only for an order never approved). */
export const useMayEditLines = (record: Order | undefined) => {
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'update', record });
  return canAccess === true && !!record && linesEditable(record);
};

/** The new total while typing, and for a paid order whether it still matches what was paid. */
const NewTotal = ({ record }: { record: Order }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lines = (useWatch({ name: 'lines' }) ?? []) as OrderFormLine[];
  const total = estimateWithLinesMinor(record, lines);
  const money = (minor: number) => formatPrice(minor, record.currency, locale);
  const paid = record.payment?.status === 'paid' ? record.payment.paidAmountMinor : null;
  return (
    <Box sx={{ mt: 1 }} data-testid="order-lines-estimate">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('resources.orders.dialogs.lines_total', { total: total === null ? '—' : money(total) })}
      </Typography>
      {paid !== null && (
        <Alert severity={total !== null && total !== paid ? 'warning' : 'info'} sx={{ mt: 1 }} data-testid="order-lines-paid">
          {total !== null && total !== paid
            ? translate('resources.orders.dialogs.lines_total_differs', { total: money(total), paid: money(paid) })
            : translate('resources.orders.dialogs.lines_paid', { paid: money(paid) })}
        </Alert>
      )}
    </Box>
  );
};

/**
 * Edit items: change SKUs, quantities, prices and discounts, add or remove rows, until stock is
 * allocated. The server prices the order again and audits it again; a paid order's total has to
 * stay what was paid, which the dialog checks before sending.
 */
export const EditLinesButton = ({ record, compact, testId = 'order-edit-lines' }: { record: Order; compact?: boolean; testId?: string }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const may = useMayEditLines(record);
  if (!may) return null;
  const close = () => {
    setOpen(false);
    setProblem(null);
    clearFailure();
  };
  const submit = async (values: FieldValues): Promise<NestedErrors | undefined> => {
    const lines = (values.lines ?? []) as OrderFormLine[];
    const total = estimateWithLinesMinor(record, lines);
    if (record.payment?.status === 'paid' && total !== null && total !== record.payment.paidAmountMinor) {
      const money = (minor: number) => formatPrice(minor, record.currency, locale);
      setProblem(translate('resources.orders.dialogs.lines_total_differs', { total: money(total), paid: money(record.payment.paidAmountMinor) }));
      return undefined;
    }
    setProblem(null);
    let fieldErrors: NestedErrors | undefined;
    const done = await run(
      (options) => dataProvider.updateOrderLines(record.id, lines.map((line) => toLineInput(line, record.currency)), options),
      'resources.orders.notifications.lines_updated',
      { number: record.number },
      (error) => {
        if (error instanceof HttpError) fieldErrors = orderFormErrors((error.body as { details?: unknown } | undefined)?.details);
      },
    );
    if (done) close();
    return fieldErrors;
  };
  return (
    <>
      <Button
        label="resources.orders.actions.edit_lines"
        onClick={() => setOpen(true)}
        variant={compact ? 'outlined' : undefined}
        size={compact ? 'small' : undefined}
        data-testid={testId}
      >
        <EditIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-lines"
        title={translate('resources.orders.dialogs.lines_title', { number: record.number })}
        body={translate('resources.orders.dialogs.lines_body')}
        defaultValues={{ lines: toLineFormValues(record), currency: record.currency }}
        onSubmit={submit}
        failure={failure ?? problem}
        isPending={isPending}
        submitLabel="ra.action.save"
        maxWidth="md"
      >
        <LineItemsInput />
        <NewTotal record={record} />
      </OrderDialog>
    </>
  );
};
