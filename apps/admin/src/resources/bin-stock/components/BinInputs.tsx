import {
  AutocompleteInput,
  ReferenceInput,
  SelectInput,
  useGetList,
  type Validator,
} from 'react-admin';
import type { Bin } from '../../bins/types';
import type { BinStock } from '../types';

const binText = (bin: Bin) => bin.code;
const byCode = (q: string) => (q ? { q } : {});

/** An active bin of the warehouse, found by typing part of its code; offered in walking order. */
export const BinPicker = ({
  source,
  warehouseId,
  label,
  helperText,
  validate,
  testId,
}: {
  source: string;
  warehouseId: string;
  label: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  testId: string;
}) => (
  <ReferenceInput
    source={source}
    reference="bins"
    filter={{ warehouseId, active: true }}
    sort={{ field: 'sequence', order: 'ASC' }}
    perPage={50}
  >
    <AutocompleteInput
      label={label}
      optionText={binText}
      filterToQuery={byCode}
      validate={validate}
      helperText={helperText}
      fullWidth
      data-testid={testId}
    />
  </ReferenceInput>
);

/** The bins holding a SKU in a warehouse, in walking order, as `{ bin code · units }` choices. */
export const useBinsHolding = (warehouseId: string, sku: string) => {
  const { data, isPending } = useGetList<BinStock>('bin-stock', {
    filter: { warehouseId, sku },
    sort: { field: 'binSequence', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  return { rows: data ?? [], isPending };
};

/** One of the bins holding the SKU, showing how many units each holds; hidden when none does. */
export const HeldBinSelect = ({
  source,
  warehouseId,
  sku,
  label,
  helperText,
  testId,
}: {
  source: string;
  warehouseId: string;
  sku: string;
  label: string;
  helperText?: string | false;
  testId: string;
}) => {
  const { rows } = useBinsHolding(warehouseId, sku);
  if (!rows.length) return null;
  return (
    <SelectInput
      source={source}
      label={label}
      choices={rows.map((row) => ({ id: row.binId, name: `${row.binCode} · ${row.quantity}` }))}
      helperText={helperText}
      emptyText=""
      fullWidth
      data-testid={testId}
    />
  );
};

/** Whether the warehouse has any bins (third-party warehouses and new ones have none). */
export const useHasBins = (warehouseId: string | undefined) => {
  const { total } = useGetList(
    'bins',
    { filter: { warehouseId }, pagination: { page: 1, perPage: 1 }, sort: { field: 'sequence', order: 'ASC' } },
    { enabled: Boolean(warehouseId) },
  );
  return Boolean(warehouseId) && (total ?? 0) > 0;
};
