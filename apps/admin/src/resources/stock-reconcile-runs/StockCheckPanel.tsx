import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Alert, Box, Button as MuiButton, Collapse, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useGetList, useGetMany, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { translateError } from '../../errors';
import type { OmsDataProvider } from '../../providers/dataProvider';
import type { StockCheck } from './types';

const T = 'resources.stock-reconcile-runs';

const DriftTables = ({ check }: { check: StockCheck }) => {
  const translate = useTranslate();
  const ids = [...new Set([...check.drift, ...check.binDrift].map((d) => d.warehouseId))];
  const { data: warehouses } = useGetMany<{ id: string; code: string }>('warehouses', { ids });
  const code = (id: string) => warehouses?.find((w) => w.id === id)?.code ?? '…';
  const head = (keys: string[]) => (
    <TableHead>
      <TableRow>
        {keys.map((k) => (
          <TableCell key={k}>{translate(`${T}.columns.${k}`)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
  return (
    <Box sx={{ mt: 1, display: 'grid', gap: 1 }}>
      {check.drift.length > 0 && (
        <Table size="small" data-testid="stock-check-drift">
          {head(['sku', 'warehouse', 'onHand', 'reserved', 'binned'])}
          <TableBody>
            {check.drift.map((d) => (
              <TableRow key={d.levelId}>
                <TableCell>{d.sku}</TableCell>
                <TableCell>{code(d.warehouseId)}</TableCell>
                <TableCell>{`${d.onHand} / ${d.ledgerOnHand}`}</TableCell>
                <TableCell>{`${d.reserved} / ${d.ledgerReserved} / ${d.openReservations}`}</TableCell>
                <TableCell>{`${d.binned} / ${d.inBins}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {check.binDrift.length > 0 && (
        <Table size="small" data-testid="stock-check-bin-drift">
          {head(['sku', 'warehouse', 'bin', 'quantity'])}
          <TableBody>
            {check.binDrift.map((d) => (
              <TableRow key={`${d.binId}-${d.sku}`}>
                <TableCell>{d.sku}</TableCell>
                <TableCell>{code(d.warehouseId)}</TableCell>
                <TableCell>{d.binCode}</TableCell>
                <TableCell>{`${d.quantity} / ${d.ledgerQuantity}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/**
 * The last stock check above the stock list, for those who may run one: green when every level
 * agrees with its ledger, red with the drifted rows when not, and a button to check now.
 */
export const StockCheckPanel = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const [locale] = useLocaleState();
  const [details, setDetails] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'stock-levels', action: 'configure' });
  const { data, refetch } = useGetList<StockCheck>(
    'stock-reconcile-runs',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'checkedAt', order: 'DESC' } },
    { enabled: canAccess === true },
  );
  const { mutate, isPending } = useMutation({
    mutationFn: async () => (await dataProvider.runStockCheck()).data,
    onSuccess: async (check) => {
      const drifted = check.drift.length + check.binDrift.length > 0;
      notify(`${T}.notifications.${drifted ? 'drift' : 'clean'}`, { type: drifted ? 'warning' : 'success' });
      setDetails(drifted);
      await refetch();
    },
    onError: (error) => notify(translateError(translate, error), { type: 'error' }),
  });
  if (!canAccess) return null;

  const last = data?.[0];
  const drifted = last ? last.driftCount + last.binDriftCount > 0 : false;
  const args = last && {
    at: new Date(last.checkedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    trigger: translate(`${T}.triggers.${last.trigger}`),
    levels: drifted ? last.driftCount : last.levels,
    bins: last.binDriftCount,
  };
  const message = !last ? translate(`${T}.none`) : translate(`${T}.${drifted ? 'drift' : 'clean'}`, args);
  return (
    <Alert
      severity={!last ? 'info' : drifted ? 'error' : 'success'}
      icon={<FactCheckIcon fontSize="inherit" />}
      sx={{ mt: 2, '& .MuiAlert-message': { flex: 1 } }}
      data-testid="stock-check"
      data-state={!last ? 'none' : drifted ? 'drift' : 'clean'}
      action={
        <Box sx={{ display: 'flex', gap: 1, whiteSpace: 'nowrap' }}>
          {drifted && (
            <MuiButton size="small" color="inherit" onClick={() => setDetails(!details)} data-testid="stock-check-details">
              {translate(`${T}.actions.${details ? 'hide' : 'details'}`)}
            </MuiButton>
          )}
          <Button label={`${T}.actions.run`} onClick={() => mutate()} disabled={isPending} color="inherit" data-testid="stock-check-run" />
        </Box>
      }
    >
      <span data-testid="stock-check-message">{message}</span>
      {last && drifted && (
        <Collapse in={details} unmountOnExit>
          <DriftTables check={last} />
        </Collapse>
      )}
    </Alert>
  );
};
