import { Box, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  Pagination,
  ReferenceManyField,
  TextField,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { MONO } from '../../components/ShowSection';
import { MoveButton } from '../bin-stock/components/MoveDialog';
import type { BinStock } from '../bin-stock/types';
import type { Warehouse } from '../warehouses/types';
import { BinCreateButton, BinEditButton } from './components/BinDialog';
import type { Bin } from './types';

const mono = { fontFamily: MONO, fontWeight: 500, whiteSpace: 'nowrap' } as const;
const tableSx = { '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' } } as const;
const BinColumn = DataTable.Col<Bin>;
const StockColumn = DataTable.Col<BinStock>;

const Empty = ({ message, testId }: { message: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }} data-testid={testId}>
      {translate(message)}
    </Typography>
  );
};

/** What one bin holds, opened under its row; each SKU can be moved to another bin from here. */
const BinContents = () => {
  const bin = useRecordContext<Bin>();
  if (!bin) return null;
  return (
    <Box sx={{ pl: 6, pr: 2, py: 1, bgcolor: 'action.hover' }} data-testid="bin-contents">
      <ReferenceManyField reference="bin-stock" target="binId" record={bin} source="id" sort={{ field: 'sku', order: 'ASC' }} perPage={100}>
        <DataTable sx={tableSx} bulkActionButtons={false} rowClick={false} empty={<Empty message="resources.bins.empty_bin" testId="bin-empty" />}>
          <StockColumn source="sku" sx={{ width: '100%' }}>
            <TextField source="sku" sx={mono} />
          </StockColumn>
          <DataTable.NumberCol source="quantity" />
          <StockColumn label="" disableSort>
            <MoveButton />
          </StockColumn>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

/**
 * The warehouse's bins in walking order (the order pick lists will walk them), each opening to
 * show what it holds; warehouse editors add and edit bins here.
 */
export const BinsTab = (_props: { label?: string | false }) => {
  const warehouse = useRecordContext<Warehouse>();
  const translate = useTranslate();
  const { data: last } = useGetList<Bin>(
    'bins',
    { filter: { warehouseId: warehouse?.id }, sort: { field: 'sequence', order: 'DESC' }, pagination: { page: 1, perPage: 1 } },
    { enabled: Boolean(warehouse) },
  );
  if (!warehouse) return null;
  const nextSequence = (last?.[0]?.sequence ?? 0) + 10;
  return (
    <Stack spacing={1} data-testid="warehouse-bins">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.bins.walk_hint')}
        </Typography>
        <BinCreateButton nextSequence={nextSequence} />
      </Box>
      <ReferenceManyField
        reference="bins"
        target="warehouseId"
        sort={{ field: 'sequence', order: 'ASC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      >
        <DataTable sx={tableSx} bulkActionButtons={false} rowClick="expand" expand={<BinContents />} empty={<Empty message="resources.bins.none" testId="bins-none" />}>
          <DataTable.NumberCol source="sequence" />
          <BinColumn source="code" sx={{ width: '100%' }}>
            <TextField source="code" sx={mono} data-testid="bin-code" />
          </BinColumn>
          <BinColumn source="zone" />
          <BinColumn source="aisle" disableSort />
          <BinColumn source="bay" disableSort />
          <BinColumn source="level" disableSort />
          <BinColumn source="active" align="center">
            <BooleanField source="active" />
          </BinColumn>
          <BinColumn label="" disableSort>
            <BinEditButton warehouse={warehouse} />
          </BinColumn>
        </DataTable>
      </ReferenceManyField>
    </Stack>
  );
};
