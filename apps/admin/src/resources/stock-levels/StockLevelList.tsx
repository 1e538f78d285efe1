import { Box } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { LowBadge, SkuFilterLink } from './components/StockFields';
import { StockMovementButton } from './components/StockMovementDialog';
import { ThresholdButton } from './components/ThresholdButton';
import { TransferButton } from './components/TransferDialog';
import { STOCK_WAREHOUSE_TYPES, type StockLevel } from './types';

const Search = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('resources.stock-levels.search_hint')} />;
};

const warehouseText = (w: { code: string; name: string }) => `${w.code} · ${w.name}`;

const filters = [
  <Search key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="warehouseId"
    source="warehouseId"
    reference="warehouses"
    filter={{ type: STOCK_WAREHOUSE_TYPES }}
    sort={{ field: 'priority', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText={warehouseText} emptyText="" data-testid="stock-warehouse-filter" />
  </ReferenceInput>,
  <BooleanInput key="low" source="low" label="resources.stock-levels.filters.low_only" alwaysOn />,
  <TextInput key="sku" source="sku" />,
];

const Column = DataTable.Col<StockLevel>;

const nowrap = { whiteSpace: 'nowrap' } as const;
// Short of room, headers ("Low-stock / threshold") and warehouse names wrap; the numbers do not.
// Chinese headers stay whole words (低库存阈值, not 低库存阈 / 值).
const tableSx = { '& .RaDataTable-headerCell': { lineHeight: 1.3, wordBreak: 'keep-all' } } as const;

export const StockLevelList = () => (
  <List sort={{ field: 'sku', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false} sx={tableSx}>
      <Column source="sku" sx={nowrap}>
        <SkuFilterLink />
      </Column>
      <Column source="productName" sx={{ minWidth: 140 }} />
      <Column source="warehouseId" disableSort sx={{ minWidth: 140 }}>
        <ReferenceField source="warehouseId" reference="warehouses" link="show" data-testid="stock-warehouse" />
      </Column>
      <Column source="onHand" align="right">
        <NumberField source="onHand" data-testid="stock-on-hand" />
      </Column>
      <Column source="reserved" align="right">
        <NumberField source="reserved" data-testid="stock-reserved" />
      </Column>
      <Column source="available" align="right">
        <NumberField source="available" sx={{ fontWeight: 600 }} data-testid="stock-available" />
      </Column>
      <Column source="binned" align="right">
        <NumberField source="binned" data-testid="stock-binned" />
      </Column>
      <Column source="low" disableSort align="center">
        <LowBadge />
      </Column>
      <Column source="lowStockThreshold" disableSort align="right">
        <NumberField source="lowStockThreshold" emptyText="—" />
      </Column>
      <Column label="" disableSort>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 0, whiteSpace: 'nowrap' }}>
          <StockMovementButton />
          <TransferButton />
          <ThresholdButton />
        </Box>
      </Column>
    </DataTable>
  </List>
);

export default StockLevelList;
