import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import CancelIcon from '@mui/icons-material/HighlightOff';
import HoldIcon from '@mui/icons-material/PauseCircleOutlined';
import PaymentIcon from '@mui/icons-material/Payments';
import RejectIcon from '@mui/icons-material/DoNotDisturbOn';
import ReleaseIcon from '@mui/icons-material/PlayCircleOutlined';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import ShipIcon from '@mui/icons-material/LocalShipping';
import DeliveredIcon from '@mui/icons-material/Inventory';
import CompleteIcon from '@mui/icons-material/TaskAlt';
import { Alert, Box, Stack } from '@mui/material';
import { type ReactElement, useState } from 'react';
import { Button, maxLength, required, TextInput, useCanAccess, useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { formatPrice } from '../../../money';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { type ManualAction, MANUAL_ACTIONS, type Order, PERMISSION_OF } from '../types';
import { AllocateButton } from './AllocateButton';
import { MergeButton, SplitButton } from './CombineButtons';
import { useFlagLabel } from './OrderChips';
import { OrderDialog, ReasonInput } from './OrderDialog';
import { useOrderAction } from './useOrderAction';

const ICONS: Record<ManualAction, ReactElement> = {
  confirm_payment: <PaymentIcon />,
  approve: <ApproveIcon />,
  reject: <RejectIcon />,
  hold: <HoldIcon />,
  release: <ReleaseIcon />,
  start_fulfillment: <WarehouseIcon />,
  record_shipment: <ShipIcon />,
  record_delivery: <DeliveredIcon />,
  complete: <CompleteIcon />,
  cancel: <CancelIcon />,
};

/** Whether the user may take `action` on this order (its channel and warehouse count). */
const useMay = (action: ManualAction, record: Order | undefined) =>
  useCanAccess({ resource: 'orders', action: PERMISSION_OF[action], record }).canAccess === true;

/**
 * How a button looks where it is: the header's are full size, named `order-action-<action>`; the
 * exceptions card's are small and outlined, named by the card.
 */
export interface ButtonLook {
  compact?: boolean;
  testId?: string;
}

const ActionButton = ({
  action,
  onClick,
  disabled,
  label,
  compact,
  testId,
}: {
  action: ManualAction;
  onClick: () => void;
  disabled?: boolean;
  label?: string;
} & ButtonLook) => {
  const primary = !compact && (action === 'approve' || action === 'confirm_payment' || action === 'record_shipment');
  const danger = action === 'reject' || action === 'cancel';
  return (
    <Button
      label={label ?? `resources.orders.actions.${action}`}
      onClick={onClick}
      disabled={disabled}
      size={compact ? 'small' : undefined}
      variant={primary ? 'contained' : 'outlined'}
      color={danger ? 'error' : 'primary'}
      data-testid={testId ?? `order-action-${action}`}
    >
      {ICONS[action]}
    </Button>
  );
};

/** Release: back to review, no question asked. */
const ReleaseButton = ({ record, ...look }: { record: Order } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const { run, isPending } = useOrderAction();
  return (
    <ActionButton
      {...look}
      action="release"
      disabled={isPending}
      onClick={() => run((options) => dataProvider.releaseOrder(record.id, options), 'resources.orders.notifications.release', { number: record.number })}
    />
  );
};

/** Hand to the warehouse, no question asked (until the warehouse integration does it). */
const StartFulfillmentButton = ({ record, ...look }: { record: Order } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const { run, isPending } = useOrderAction();
  return (
    <ActionButton
      {...look}
      action="start_fulfillment"
      disabled={isPending}
      onClick={() =>
        run((options) => dataProvider.startOrderFulfillment(record.id, options), 'resources.orders.notifications.start_fulfillment', { number: record.number })
      }
    />
  );
};

/** Delivered, completed: no question asked. */
const SimpleButton = ({ record, action, ...look }: { record: Order; action: 'record_delivery' | 'complete' } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const { run, isPending } = useOrderAction();
  const call = action === 'record_delivery' ? dataProvider.recordOrderDelivery : dataProvider.completeOrder;
  return (
    <ActionButton
      {...look}
      action={action}
      disabled={isPending}
      onClick={() => run((options) => call(record.id, options), `resources.orders.notifications.${action}`, { number: record.number })}
    />
  );
};

/** Confirm the shipment: the carrier and the parcel's tracking number (the guide's manual "confirm shipment"). */
const ShipButton = ({ record, ...look }: { record: Order } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const args = { number: record.number };
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const shipment = { carrier: String(values.carrier ?? '').trim(), trackingNumber: String(values.trackingNumber ?? '').trim() };
    if (await run((options) => dataProvider.shipOrder(record.id, shipment, options), 'resources.orders.notifications.record_shipment', args)) close();
  };
  return (
    <>
      <ActionButton {...look} action="record_shipment" onClick={() => setOpen(true)} />
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-ship"
        title={translate('resources.orders.dialogs.ship_title', args)}
        body={translate('resources.orders.dialogs.ship_body')}
        defaultValues={{ carrier: record.delivery?.preferredCarrier ?? '', trackingNumber: '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.record_shipment"
        submitIcon={ICONS.record_shipment}
      >
        <TextInput source="carrier" label="resources.orders.fields.shipment.carrier" validate={[required(), maxLength(100)]} fullWidth />
        <TextInput source="trackingNumber" label="resources.orders.fields.shipment.trackingNumber" validate={[required(), maxLength(100)]} fullWidth />
      </OrderDialog>
    </>
  );
};

/** A cancellation the warehouse was asked for: it confirms (cancelled) or refuses (with why). */
const CancelRequestButtons = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const may = useMay('cancel', record);
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  if (!may || !(record.openFlags ?? []).includes('CANCEL_REQUESTED')) return null;
  const args = { number: record.number };
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const refuse = async (values: FieldValues) => {
    const reason = String(values.reason ?? '').trim();
    if (await run((options) => dataProvider.refuseOrderCancel(record.id, reason, options), 'resources.orders.notifications.refuse_cancel', args)) close();
  };
  return (
    <>
      <Button
        label="resources.orders.actions.confirm_cancel"
        variant="contained"
        color="error"
        disabled={isPending}
        data-testid="order-action-confirm_cancel"
        onClick={() => run((options) => dataProvider.confirmOrderCancel(record.id, options), 'resources.orders.notifications.confirm_cancel', args)}
      >
        <CancelIcon />
      </Button>
      <Button label="resources.orders.actions.refuse_cancel" variant="outlined" data-testid="order-action-refuse_cancel" onClick={() => setOpen(true)}>
        <ReleaseIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-refuse_cancel"
        title={translate('resources.orders.dialogs.refuse_cancel_title', args)}
        body={translate('resources.orders.dialogs.refuse_cancel_body')}
        defaultValues={{ reason: '' }}
        onSubmit={refuse}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.refuse_cancel"
        submitIcon={<ReleaseIcon />}
      >
        <ReasonInput />
      </OrderDialog>
    </>
  );
};

/** Reject, hold and cancel: each asks why. */
const ReasonButton = ({ record, action, ...look }: { record: Order; action: 'reject' | 'hold' | 'cancel' } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const call = { reject: dataProvider.rejectOrder, hold: dataProvider.holdOrder, cancel: dataProvider.cancelOrder }[action];
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const reason = String(values.reason ?? '').trim();
    if (await run((options) => call(record.id, reason, options), `resources.orders.notifications.${action}`, { number: record.number })) close();
  };
  return (
    <>
      <ActionButton {...look} action={action} onClick={() => setOpen(true)} />
      <OrderDialog
        open={open}
        onClose={close}
        testId={`order-${action}`}
        title={translate(`resources.orders.dialogs.${action}_title`, { number: record.number })}
        body={translate(`resources.orders.dialogs.${action}_body`)}
        defaultValues={{ reason: '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel={`resources.orders.actions.${action}`}
        submitIcon={ICONS[action]}
      >
        <ReasonInput />
      </OrderDialog>
    </>
  );
};

/** Approve; with open exceptions it becomes "approve anyway", which needs a reason. */
const ApproveButton = ({ record, ...look }: { record: Order } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const flagLabel = useFlagLabel();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const openFlags = record.openFlags ?? [];
  const args = { number: record.number };
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  if (!openFlags.length) {
    return (
      <ActionButton
        {...look}
        action="approve"
        disabled={isPending}
        onClick={() => run((options) => dataProvider.approveOrder(record.id, undefined, options), 'resources.orders.notifications.approve', args)}
      />
    );
  }
  const submit = async (values: FieldValues) => {
    const reason = String(values.reason ?? '').trim();
    if (await run((options) => dataProvider.approveOrder(record.id, reason, options), 'resources.orders.notifications.approve', args)) close();
  };
  return (
    <>
      <ActionButton {...look} action="approve" label="resources.orders.actions.approve_anyway" onClick={() => setOpen(true)} />
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-approve"
        title={translate('resources.orders.dialogs.approve_anyway_title', args)}
        body={translate('resources.orders.dialogs.approve_anyway_body')}
        defaultValues={{ reason: '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.approve_anyway"
        submitIcon={ICONS.approve}
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {openFlags.map(flagLabel).join(translate('resources.orders.list_separator'))}
        </Alert>
        <ReasonInput />
      </OrderDialog>
    </>
  );
};

/** Confirm payment: the whole total was received, with the payment's reference if there is one. */
const ConfirmPaymentButton = ({ record, ...look }: { record: Order } & ButtonLook) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const reference = String(values.reference ?? '').trim();
    const input = { paidAmountMinor: record.totalMinor, ...(reference ? { reference } : {}) };
    if (await run((options) => dataProvider.confirmOrderPayment(record.id, input, options), 'resources.orders.notifications.confirm_payment', { number: record.number })) {
      close();
    }
  };
  return (
    <>
      <ActionButton {...look} action="confirm_payment" onClick={() => setOpen(true)} />
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-confirm_payment"
        title={translate('resources.orders.dialogs.confirm_payment_title', { number: record.number })}
        body={translate('resources.orders.dialogs.confirm_payment_body', { amount: formatPrice(record.totalMinor, record.currency, locale) })}
        defaultValues={{ reference: record.payment?.reference ?? '' }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="resources.orders.actions.confirm_payment"
        submitIcon={ICONS.confirm_payment}
      >
        <TextInput source="reference" label="resources.orders.payment.reference" validate={maxLength(100)} fullWidth />
      </OrderDialog>
    </>
  );
};

/** Whether the order's status offers `action` now (the API lists them). */
const isOffered = (record: Order, action: ManualAction) =>
  // A paid order on hold may still "confirm payment" by the lifecycle; there is nothing to confirm.
  !!record.actions?.includes(action) && !(action === 'confirm_payment' && record.payment?.status === 'paid');

/** The button of one action, when the order's status offers it and the user may take it. */
export const OrderActionButton = ({ record, action, ...look }: { record: Order; action: ManualAction } & ButtonLook) => {
  const may = useMay(action, record);
  if (!may || !isOffered(record, action)) return null;
  switch (action) {
    case 'confirm_payment':
      return <ConfirmPaymentButton record={record} {...look} />;
    case 'approve':
      return <ApproveButton record={record} {...look} />;
    case 'release':
      return <ReleaseButton record={record} {...look} />;
    case 'start_fulfillment':
      return <StartFulfillmentButton record={record} {...look} />;
    case 'record_shipment':
      return <ShipButton record={record} {...look} />;
    case 'record_delivery':
    case 'complete':
      return <SimpleButton record={record} action={action} {...look} />;
    default:
      return <ReasonButton record={record} action={action} {...look} />;
  }
};

/**
 * The buttons of the actions the order's status allows (the API lists them) and the user may
 * take, then split, merge and allocation by hand, which show themselves when they apply.
 */
export const OrderActionButtons = () => {
  const record = useRecordContext<Order>();
  if (!record) return null;
  return (
    <Box data-testid="order-actions">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {MANUAL_ACTIONS.map((action) => (
          <OrderActionButton key={action} record={record} action={action} />
        ))}
        <CancelRequestButtons record={record} />
        <SplitButton record={record} />
        <MergeButton record={record} />
        <AllocateButton record={record} />
      </Stack>
    </Box>
  );
};
