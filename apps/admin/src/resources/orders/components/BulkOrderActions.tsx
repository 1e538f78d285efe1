import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import CancelIcon from '@mui/icons-material/HighlightOff';
import HoldIcon from '@mui/icons-material/PauseCircleOutlined';
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
import { bulkSummary } from '../bulk';
import type { Order } from '../types';
import { OrderDialog, ReasonInput } from './OrderDialog';
import { orderErrorMessage } from './orderError';

type BulkAction = 'approve' | 'hold' | 'cancel';

const ICONS: Record<BulkAction, ReactElement> = { approve: <ApproveIcon />, hold: <HoldIcon />, cancel: <CancelIcon /> };

/** Runs one action on every selected order, then says in one notification how each went. */
const useBulk = (action: BulkAction) => {
  const { selectedIds, data, onUnselectItems } = useListContext<Order>();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: (reason: string | undefined) => dataProvider.bulkOrderAction(action, [...selectedIds], reason),
  });
  const run = async (reason?: string) => {
    const orderOf = (id: Identifier) => data?.find((order) => String(order.id) === String(id));
    const actionName = translate(`resources.orders.actions.${action}`);
    try {
      const { data: result } = await mutateAsync(reason);
      const { message, type } = bulkSummary(result, {
        headline: (ok, total) => translate('resources.orders.notifications.bulk_done', { action: actionName, ok, total }),
        failure: (id, code) => {
          const order = orderOf(id);
          // The list shows the status the refusal is about; the code says why.
          const status = order ? translate(`resources.orders.statuses.${order.status}`) : '';
          const error = translate(code ? `errors.${code}` : 'ra.notification.http_error', { status, action: actionName });
          return translate('resources.orders.notifications.bulk_failed', { number: order?.number ?? String(id), error });
        },
      });
      notify(message, { type, multiLine: true, autoHideDuration: type === 'success' ? 4000 : null });
      onUnselectItems();
    } catch (error) {
      notify(orderErrorMessage(translate, error), { type: 'error' });
    }
    refresh();
  };
  return { run, isPending, count: selectedIds.length };
};

const ApproveSelected = () => {
  const { run, isPending } = useBulk('approve');
  return (
    <Button label="resources.orders.actions.approve" onClick={() => run()} disabled={isPending} data-testid="orders-bulk-approve">
      {ICONS.approve}
    </Button>
  );
};

/** Hold and cancel ask one reason for all the selected orders. */
const ReasonSelected = ({ action }: { action: 'hold' | 'cancel' }) => {
  const { run, isPending, count } = useBulk(action);
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

/** Approve, hold or cancel the selected orders, each button for those who may. */
export const BulkOrderActions = () => {
  const approve = useCanAccess({ resource: 'orders', action: 'approve' }).canAccess === true;
  const hold = useCanAccess({ resource: 'orders', action: 'hold' }).canAccess === true;
  const cancel = useCanAccess({ resource: 'orders', action: 'cancel' }).canAccess === true;
  return (
    <>
      {approve && <ApproveSelected />}
      {hold && <ReasonSelected action="hold" />}
      {cancel && <ReasonSelected action="cancel" />}
    </>
  );
};
