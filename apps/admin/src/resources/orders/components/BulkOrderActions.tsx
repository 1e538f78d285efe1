import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import CancelIcon from '@mui/icons-material/HighlightOff';
import HoldIcon from '@mui/icons-material/PauseCircleOutlined';
import DoneIcon from '@mui/icons-material/CheckCircle';
import RefusedIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import {
  Button,
  type Identifier,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { MONO } from '../../../components/ShowSection';
import { bulkOutcome, type BulkRow } from '../bulk';
import type { Order } from '../types';
import { OrderStatusChip } from './OrderChips';
import { OrderDialog, ReasonInput } from './OrderDialog';
import { orderErrorMessage } from './orderError';

type BulkAction = 'approve' | 'hold' | 'cancel';

const ICONS: Record<BulkAction, ReactElement> = { approve: <ApproveIcon />, hold: <HoldIcon />, cancel: <CancelIcon /> };

type Outcome = ReturnType<typeof bulkOutcome> & { action: BulkAction };

/**
 * Runs one action on every selected order, says in a notification how many went through, and
 * hands each order's result to `onDone` for the results dialog. The selection stays until that
 * dialog closes, so the list's toolbar (and the dialog in it) stays too.
 */
const useBulk = (action: BulkAction, onDone: (outcome: Outcome) => void) => {
  const { selectedIds, data } = useListContext<Order>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (reason: string | undefined) => dataProvider.bulkOrderAction(action, [...selectedIds], reason),
  });
  const run = async (reason?: string) => {
    const orderOf = (id: Identifier) => data?.find((order) => String(order.id) === String(id));
    try {
      const { data: result } = await mutateAsync(reason);
      const outcome = bulkOutcome(result, orderOf);
      const actionName = translate(`resources.orders.actions.${action}`);
      notify(translate('resources.orders.notifications.bulk_done', { action: actionName, ok: outcome.ok, total: outcome.total }), {
        type: outcome.type,
      });
      onDone({ ...outcome, action });
    } catch (error) {
      notify(orderErrorMessage(translate, error), { type: 'error' });
    }
    refresh();
  };
  return { run, isPending, count: selectedIds.length };
};

/** Each order of a bulk action: its new status, or why it was refused. */
const ResultsDialog = ({ outcome, onClose }: { outcome: Outcome | null; onClose: () => void }) => {
  const translate = useTranslate();
  if (!outcome) return null;
  const actionName = translate(`resources.orders.actions.${outcome.action}`);
  const why = (row: BulkRow) => {
    const status = row.before ? translate(`resources.orders.statuses.${row.before}`, { _: row.before }) : '';
    return translate(row.code ? `errors.${row.code}` : 'ra.notification.http_error', { status, action: actionName });
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="orders-bulk-result-dialog">
      <DialogTitle>
        {translate('resources.orders.dialogs.bulk_result_title', { action: actionName, ok: outcome.ok, total: outcome.total })}
      </DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('resources.orders.dialogs.bulk_result_order')}</TableCell>
              <TableCell sx={{ width: '100%' }}>{translate('resources.orders.dialogs.bulk_result_outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outcome.rows.map((row) => (
              <TableRow key={String(row.id)} data-testid="orders-bulk-result" data-id={row.id} data-ok={row.ok} data-status={row.status}>
                <TableCell sx={{ fontFamily: MONO, fontWeight: 500, whiteSpace: 'nowrap', verticalAlign: 'top' }}>{row.number}</TableCell>
                <TableCell>
                  {row.ok ? (
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      <DoneIcon color="success" fontSize="small" />
                      <OrderStatusChip status={row.status} />
                    </Box>
                  ) : (
                    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
                      <RefusedIcon color="error" fontSize="small" />
                      <Typography variant="body2" color="error">
                        {why(row)}
                      </Typography>
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.close" onClick={onClose} data-testid="orders-bulk-result-close" />
      </DialogActions>
    </Dialog>
  );
};

const ApproveSelected = ({ onDone }: { onDone: (outcome: Outcome) => void }) => {
  const { run, isPending } = useBulk('approve', onDone);
  return (
    <Button label="resources.orders.actions.approve" onClick={() => run()} disabled={isPending} data-testid="orders-bulk-approve">
      {ICONS.approve}
    </Button>
  );
};

/** Hold and cancel ask one reason for all the selected orders. */
const ReasonSelected = ({ action, onDone }: { action: 'hold' | 'cancel'; onDone: (outcome: Outcome) => void }) => {
  const { run, isPending, count } = useBulk(action, onDone);
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const submit = async (values: FieldValues) => {
    await run(String(values.reason ?? '').trim());
    setOpen(false);
  };
  return (
    <>
      <Button label={`resources.orders.actions.${action}`} onClick={() => setOpen(true)} data-testid={`orders-bulk-${action}`}>
        {ICONS[action]}
      </Button>
      <OrderDialog
        open={open}
        onClose={() => setOpen(false)}
        testId={`orders-bulk-${action}`}
        title={translate(`resources.orders.dialogs.bulk_${action}_title`, { smart_count: count })}
        body={translate('resources.orders.dialogs.bulk_body')}
        defaultValues={{ reason: '' }}
        onSubmit={submit}
        failure={null}
        isPending={isPending}
        submitLabel={`resources.orders.actions.${action}`}
        submitIcon={ICONS[action]}
      >
        <ReasonInput />
      </OrderDialog>
    </>
  );
};

/** Approve, hold or cancel the selected orders, each button for those who may; then each order's result. */
export const BulkOrderActions = () => {
  const approve = useCanAccess({ resource: 'orders', action: 'approve' }).canAccess === true;
  const hold = useCanAccess({ resource: 'orders', action: 'hold' }).canAccess === true;
  const cancel = useCanAccess({ resource: 'orders', action: 'cancel' }).canAccess === true;
  const { onUnselectItems } = useListContext<Order>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const close = () => {
    setOutcome(null);
    onUnselectItems();
  };
  return (
    <>
      {approve && <ApproveSelected onDone={setOutcome} />}
      {hold && <ReasonSelected action="hold" onDone={setOutcome} />}
      {cancel && <ReasonSelected action="cancel" onDone={setOutcome} />}
      <ResultsDialog outcome={outcome} onClose={close} />
    </>
  );
};
