import MergeIcon from '@mui/icons-material/CallMerge';
import SplitIcon from '@mui/icons-material/CallSplit';
import { Alert, Box, Checkbox, FormControlLabel, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, maxValue, minValue, NumberInput, useCanAccess, useDataProvider, useGetList, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { MONO } from '../../../components/ShowSection';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { COMBINABLE_STATUSES, linesEditable, type Order } from '../types';
import { useDateTime } from './CustomerCards';
import { Money, OrderStatusChip } from './OrderChips';
import { OrderDialog } from './OrderDialog';
import { useOrderAction } from './useOrderAction';

/** Split and merge change what the order holds: only for an order never approved, with the right to update orders. */
const useMayCombine = (record: Order) => {
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'update', record });
  return canAccess === true && linesEditable(record);
};

const nowrap = { whiteSpace: 'nowrap' } as const;

/** How many units of each line go to the new order (`move.<position>`); a line left at 0 stays whole. */
const SplitLines = ({ record, onChange }: { record: Order; onChange: () => void }) => {
  const translate = useTranslate();
  const label = (key: string) => translate(`resources.orders.lines.${key}`);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell sx={nowrap}>{label('sku')}</TableCell>
          <TableCell sx={{ width: '100%' }}>{label('name')}</TableCell>
          <TableCell align="right" sx={nowrap}>
            {label('quantity')}
          </TableCell>
          <TableCell sx={nowrap}>{translate('resources.orders.dialogs.split_move')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {(record.lines ?? []).map((line, i) => (
          <TableRow key={line.id} data-testid="order-split-line" data-sku={line.sku}>
            <TableCell sx={{ ...nowrap, fontFamily: MONO, fontWeight: 500 }}>{line.sku}</TableCell>
            <TableCell>{line.name}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {line.quantity}
            </TableCell>
            <TableCell sx={{ minWidth: 110 }}>
              <NumberInput
                source={`move.${i}`}
                label={false}
                min={0}
                max={line.quantity}
                step={1}
                validate={[minValue(0), maxValue(line.quantity)]}
                helperText={false}
                onChange={onChange}
                size="small"
                sx={{ my: 0, width: 96 }}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Split: chosen units of the order's lines become one new order; this order keeps the rest. */
export const SplitButton = ({ record }: { record: Order }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const may = useMayCombine(record);
  const lines = record.lines ?? [];
  if (!may || !lines.length) return null;
  const close = () => {
    setOpen(false);
    setProblem(null);
    clearFailure();
  };
  const submit = async (values: FieldValues) => {
    const move = (values.move ?? []) as Array<number | null>;
    const part = lines.flatMap((line, i) => (Number(move[i]) > 0 ? [{ lineId: line.id, quantity: Number(move[i]) }] : []));
    const units = lines.reduce((n, line) => n + line.quantity, 0);
    const moved = part.reduce((n, take) => n + take.quantity, 0);
    if (!part.length || moved >= units) {
      setProblem(translate(part.length ? 'resources.orders.dialogs.split_everything' : 'resources.orders.dialogs.split_nothing'));
      return;
    }
    setProblem(null);
    if (await run((options) => dataProvider.splitOrder(record.id, [part], options), 'resources.orders.notifications.split', { number: record.number })) {
      close();
    }
  };
  return (
    <>
      <Button label="resources.orders.actions.split" onClick={() => setOpen(true)} variant="outlined" data-testid="order-action-split">
        <SplitIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-split"
        title={translate('resources.orders.dialogs.split_title', { number: record.number })}
        body={translate('resources.orders.dialogs.split_body')}
        defaultValues={{ move: lines.map(() => 0) }}
        onSubmit={submit}
        failure={failure ?? problem}
        isPending={isPending}
        submitLabel="resources.orders.actions.split"
        submitIcon={<SplitIcon />}
        maxWidth="md"
      >
        <SplitLines record={record} onChange={() => setProblem(null)} />
      </OrderDialog>
    </>
  );
};

/** The other orders that could join this one: same phone, not approved yet (the API checks the rest). */
const useMergeCandidates = (record: Order, enabled: boolean) => {
  const { data, isPending } = useGetList<Order>(
    'orders',
    {
      filter: { customerPhone: record.customerPhone, status: [...COMBINABLE_STATUSES] },
      sort: { field: 'createdAt', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: enabled && !!record.customerPhone },
  );
  return { candidates: (data ?? []).filter((order) => order.id !== record.id), isPending };
};

/** Merge: other orders of the same customer join this one and are cancelled as merged into it. */
export const MergeButton = ({ record, compact, testId = 'order-action-merge' }: { record: Order; compact?: boolean; testId?: string }) => {
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const dateTime = useDateTime();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, isPending, failure, clearFailure } = useOrderAction();
  const may = useMayCombine(record);
  const { candidates } = useMergeCandidates(record, may);
  if (!may || !candidates.length) return null;
  const close = () => {
    setOpen(false);
    setPicked([]);
    setProblem(null);
    clearFailure();
  };
  const toggle = (id: string) => setPicked((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]));
  const submit = async () => {
    if (!picked.length) {
      setProblem(translate('resources.orders.dialogs.merge_nothing'));
      return;
    }
    setProblem(null);
    const args = { number: record.number, smart_count: picked.length };
    if (await run((options) => dataProvider.mergeOrders(record.id, picked, options), 'resources.orders.notifications.merge', args)) close();
  };
  return (
    <>
      <Button
        label="resources.orders.actions.merge"
        onClick={() => setOpen(true)}
        variant="outlined"
        size={compact ? 'small' : undefined}
        data-testid={testId}
      >
        <MergeIcon />
      </Button>
      <OrderDialog
        open={open}
        onClose={close}
        testId="order-merge"
        title={translate('resources.orders.dialogs.merge_title', { number: record.number })}
        body={translate('resources.orders.dialogs.merge_body')}
        onSubmit={submit}
        failure={failure ?? problem}
        isPending={isPending}
        submitLabel="resources.orders.actions.merge"
        submitIcon={<MergeIcon />}
      >
        <Box sx={{ display: 'flex', flexDirection: 'column' }}>
          {candidates.map((order) => (
            <FormControlLabel
              key={order.id}
              data-testid="order-merge-candidate"
              control={<Checkbox checked={picked.includes(String(order.id))} onChange={() => toggle(String(order.id))} />}
              label={
                <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1.5, rowGap: 0.5 }}>
                  <Typography variant="body2" sx={{ fontFamily: MONO, fontWeight: 500 }}>
                    {order.number}
                  </Typography>
                  <OrderStatusChip status={order.status} />
                  <Typography variant="body2" color="text.secondary">
                    {dateTime(order.createdAt)}
                  </Typography>
                  <Money minor={order.totalMinor} currency={order.currency} />
                </Box>
              }
            />
          ))}
        </Box>
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('resources.orders.dialogs.merge_rules')}
        </Alert>
      </OrderDialog>
    </>
  );
};
