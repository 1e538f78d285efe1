import { Box, InputAdornment, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useState } from 'react';
import { DataTable, NumberField, Pagination, ReferenceManyField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { MONO, Section } from '../../components/ShowSection';
import type { StockLevel } from '../stock-levels/types';
import type { Warehouse } from '../warehouses/types';
import { MoveButton } from './components/MoveDialog';
import { PutawayButton } from './components/PutawayDialog';
import type { BinStock } from './types';

const mono = { fontFamily: MONO, fontWeight: 500, whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;
const LevelColumn = DataTable.Col<StockLevel>;
const StockColumn = DataTable.Col<BinStock>;

const Empty = ({ message, testId }: { message: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }} data-testid={testId}>
      {translate(message)}
    </Typography>
  );
};

/**
 * Put-away work of one warehouse: the SKUs with units outside the bins (received, not yet put
 * away), and everything in bins in walking order, with put-away and move actions for whoever
 * may record movements there.
 */
export const BinStockTab = (_props: { label?: string | false }) => {
  const warehouse = useRecordContext<Warehouse>();
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  if (!warehouse) return null;
  const q = search.trim();
  return (
    <Stack spacing={3}>
      <Section title="resources.bin-stock.sections.unbinned" testId="warehouse-unbinned">
        <ReferenceManyField
          reference="stock-levels"
          target="warehouseId"
          filter={{ unbinned_gt: 0 }}
          sort={{ field: 'sku', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        >
          <DataTable sx={tableSx} bulkActionButtons={false} rowClick={false} empty={<Empty message="resources.bin-stock.all_binned" testId="unbinned-none" />}>
            <LevelColumn source="sku" sx={{ width: '100%' }}>
              <TextField source="sku" sx={mono} />
            </LevelColumn>
            <DataTable.NumberCol source="onHand" />
            <DataTable.NumberCol source="binned" />
            <LevelColumn source="unbinned" align="right">
              <NumberField source="unbinned" sx={{ fontWeight: 600 }} data-testid="unbinned-quantity" />
            </LevelColumn>
            <LevelColumn label="" disableSort>
              <PutawayButton />
            </LevelColumn>
          </DataTable>
        </ReferenceManyField>
      </Section>
      <Section title="resources.bin-stock.sections.binned" testId="warehouse-bin-stock">
        <Box sx={{ my: 1 }}>
          <MuiTextField
            size="small"
            sx={{ width: 320, maxWidth: '100%' }}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={translate('resources.bin-stock.search_hint')}
            slotProps={{
              input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
              htmlInput: { 'data-testid': 'bin-stock-search', 'aria-label': translate('resources.bin-stock.search_hint') },
            }}
          />
        </Box>
        <ReferenceManyField
          reference="bin-stock"
          target="warehouseId"
          filter={q ? { q } : {}}
          sort={{ field: 'binSequence', order: 'ASC' }}
          perPage={25}
          pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        >
          <DataTable sx={tableSx} bulkActionButtons={false} rowClick={false} empty={<Empty message="resources.bin-stock.none" testId="bin-stock-none" />}>
            <DataTable.NumberCol source="binSequence" />
            <StockColumn source="binCode">
              <TextField source="binCode" sx={mono} data-testid="bin-stock-bin" />
            </StockColumn>
            <StockColumn source="sku" sx={{ width: '100%' }}>
              <TextField source="sku" sx={mono} data-testid="bin-stock-sku" />
            </StockColumn>
            <StockColumn source="quantity" align="right">
              <NumberField source="quantity" sx={{ fontWeight: 600 }} data-testid="bin-stock-quantity" />
            </StockColumn>
            <StockColumn label="" disableSort>
              <MoveButton />
            </StockColumn>
          </DataTable>
        </ReferenceManyField>
      </Section>
    </Stack>
  );
};
