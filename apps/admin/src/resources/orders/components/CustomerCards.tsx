import EditIcon from '@mui/icons-material/EditLocationAlt';
import { Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { DATE_TIME_MINUTES } from '../../../components/LocaleDateField';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { ADDRESS_EDITABLE_STATUSES, type Address, type Order } from '../types';
import { AddressInputs } from './AddressInputs';
import { Money } from './OrderChips';
import { Item, OrderCard } from './OrderCard';
import { OrderDialog } from './OrderDialog';
import { useOrderAction } from './useOrderAction';

/** A timestamp to the minute in the interface language. */
export const useDateTime = () => {
  const [locale] = useLocaleState();
  return (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(locale, DATE_TIME_MINUTES) : '—');
};

/** The name opens the customer's page, for those who may read customers. */
const CustomerName = ({ record }: { record: Order }) => {
  const { canAccess } = useCanAccess({ resource: 'customers', action: 'show' });
  if (!record.customerId || !canAccess) return <>{record.customerName}</>;
  return (
    <MuiLink component={Link} to={`/customers/${record.customerId}/show`} data-testid="order-customer-link">
      {record.customerName}
    </MuiLink>
  );
};

export const CustomerCard = () => {
  const record = useRecordContext<Order>();
  if (!record) return null;
  return (
    <OrderCard title="resources.orders.sections.customer" testId="order-customer">
      <Stack spacing={1.5}>
        <Item label="resources.orders.fields.customer.name">
          <CustomerName record={record} />
        </Item>
        <Item label="resources.orders.fields.customer.phone">{record.customerPhone || '—'}</Item>
        {record.customerEmail && <Item label="resources.orders.fields.customer.email">{record.customerEmail}</Item>}
      </Stack>
    </OrderCard>
  );
};

const clean = (address: FieldValues): Address => {
  const value = (key: string) => String(address[key] ?? '').trim();
  const optional = (key: string) => value(key) || undefined;
  return {
    country: value('country').toUpperCase(),
    province: value('province'),
    city: value('city'),
    district: optional('district'),
    line1: value('line1'),
    line2: optional('line2'),
    postcode: optional('postcode'),
  };
};

/** Changes the ship-to address until the warehouse has the order. */
export const EditAddressButton = ({ record, compact, testId = 'order-edit-address' }: { record: Order; compact?: boolean; testId?: string }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'update', record });
  if (!canAccess || !ADDRESS_EDITABLE_STATUSES.includes(record.status)) return null;
  const close = () => {
    setOpen(false);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const done = await run(
      (options) => dataProvider.updateOrderAddress(record.id, clean(values), options),
      'resources.orders.notifications.address_updated',
      { number: record.number },
    );
    if (done) close();
  };
  return (
    <>
      <Button
        label="resources.orders.actions.edit_address"
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
        testId="order-address"
        title={translate('resources.orders.dialogs.address_title', { number: record.number })}
        body={translate('resources.orders.dialogs.address_body')}
        defaultValues={{ ...record.shippingAddress }}
        onSubmit={submit}
        failure={failure}
        isPending={isPending}
        submitLabel="ra.action.save"
        maxWidth="md"
      >
        <AddressInputs />
      </OrderDialog>
    </>
  );
};

export const AddressCard = () => {
  const record = useRecordContext<Order>();
  if (!record) return null;
  const a = record.shippingAddress ?? ({} as Address);
  return (
    <OrderCard title="resources.orders.sections.address" testId="order-address" action={<EditAddressButton record={record} />}>
      <Typography variant="body2" data-testid="order-address-text" sx={{ overflowWrap: 'anywhere' }}>
        {[a.province, a.city, a.district].filter(Boolean).join(' ')}
        <br />
        {[a.line1, a.line2].filter(Boolean).join(' ')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {[a.country, a.postcode].filter(Boolean).join(' · ')}
      </Typography>
    </OrderCard>
  );
};

export const PaymentCard = () => {
  const record = useRecordContext<Order>();
  const translate = useTranslate();
  const dateTime = useDateTime();
  if (!record?.payment) return null;
  const p = record.payment;
  return (
    <OrderCard title="resources.orders.sections.payment" testId="order-payment">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 1.5 }}>
        <Item label="resources.orders.payment.method">
          {translate(`resources.orders.payment_methods.${p.method}`, { _: p.method })}
        </Item>
        <Item label="resources.orders.payment.status">
          <Chip
            size="small"
            variant="outlined"
            color={p.status === 'paid' ? 'success' : p.status === 'pending' ? 'warning' : 'default'}
            label={translate(`resources.orders.payment_statuses.${p.status}`, { _: p.status })}
            data-testid="order-payment-status"
          />
        </Item>
        <Item label="resources.orders.payment.paid_amount">
          <Money minor={p.paidAmountMinor} currency={record.currency} />
        </Item>
        <Item label="resources.orders.payment.paid_at">{dateTime(p.paidAt)}</Item>
        <Item label="resources.orders.payment.settles">
          {translate(p.instant ? 'resources.orders.payment.instant' : 'resources.orders.payment.deferred')}
        </Item>
        <Item label="resources.orders.payment.reference">{p.reference || '—'}</Item>
      </Box>
    </OrderCard>
  );
};
