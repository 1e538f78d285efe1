import { Chip, Link, Tooltip } from '@mui/material';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';
import { MONO } from '../../../components/ShowSection';
import type { StockLevel } from '../types';

/** The SKU, as a link that lists this SKU in every warehouse. */
export const SkuFilterLink = (_props: { label?: string }) => {
  const record = useRecordContext<StockLevel>();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Tooltip title={translate('resources.stock-levels.actions.all_warehouses')}>
      <Link
        component="button"
        type="button"
        underline="hover"
        data-testid="stock-sku-filter"
        sx={{ fontFamily: MONO, fontWeight: 500, whiteSpace: 'nowrap' }}
        onClick={(event: React.MouseEvent) => {
          event.stopPropagation();
          const { warehouseId: _warehouse, q: _q, ...rest } = (filterValues ?? {}) as Record<string, unknown>;
          setFilters({ ...rest, sku: record.sku }, { ...displayedFilters, sku: true });
        }}
      >
        {record.sku}
      </Link>
    </Tooltip>
  );
};

/** "Low" when what is available is at or below the level's threshold (or zero). */
export const LowBadge = (_props: { label?: string }) => {
  const record = useRecordContext<StockLevel>();
  const translate = useTranslate();
  if (!record?.low) return null;
  const out = record.available <= 0;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={out ? 'error' : 'warning'}
      label={translate(out ? 'resources.stock-levels.out' : 'resources.stock-levels.low_badge')}
      data-testid="stock-low-badge"
    />
  );
};
