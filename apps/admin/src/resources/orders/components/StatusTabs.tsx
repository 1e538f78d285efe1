import { Box, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { OmsDataProvider } from '../../../providers/dataProvider';
import { ORDER_STATUSES, type OrderStatus } from '../types';

/** The tab a status filter selects: All without one, the status when it names one, none for several. */
export const tabOf = (status: unknown): OrderStatus | 'all' | false => {
  if (status === undefined || status === null || (Array.isArray(status) && status.length === 0)) return 'all';
  const list = Array.isArray(status) ? status : [status];
  return list.length === 1 && ORDER_STATUSES.includes(list[0]) ? (list[0] as OrderStatus) : false;
};

const Label = ({ text, count, testId }: { text: string; count: number | undefined; testId: string }) => (
  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, whiteSpace: 'nowrap' }}>
    {text}
    <Box
      component="span"
      data-testid={testId}
      sx={{
        minWidth: 22,
        px: 0.75,
        borderRadius: 10,
        fontSize: 12,
        lineHeight: '20px',
        textAlign: 'center',
        bgcolor: 'action.selected',
        color: 'text.secondary',
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {count ?? '·'}
    </Box>
  </Box>
);

/** One tab per status with how many orders it holds; choosing one filters the list by it. */
export const StatusTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const dataProvider = useDataProvider<OmsDataProvider>();
  const translate = useTranslate();
  const { data: counts } = useQuery({
    queryKey: ['orders', 'statusCounts'],
    queryFn: () => dataProvider.getOrderStatusCounts().then((result) => result.data),
  });
  const all = counts ? ORDER_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : undefined;

  const choose = (_event: unknown, value: OrderStatus | 'all') => {
    const { status: _status, ...rest } = filterValues;
    setFilters(value === 'all' ? rest : { ...rest, status: [value] }, displayedFilters);
  };

  return (
    // Zero width that stretches to the list's: the tabs scroll inside it instead of widening the page.
    <Box sx={{ width: 0, minWidth: '100%', borderBottom: 1, borderColor: 'divider' }}>
      <Tabs
        value={tabOf(filterValues.status)}
        onChange={choose}
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        // As tall as the bulk actions bar, which covers the tabs while rows are selected.
        sx={{ px: 1, minHeight: 48, '& .MuiTab-root': { minHeight: 48, px: 1.5 } }}
        data-testid="order-status-tabs"
      >
        <Tab value="all" label={<Label text={translate('resources.orders.tabs.all')} count={all} testId="order-tab-count-all" />} data-testid="order-tab-all" />
        {ORDER_STATUSES.map((status) => (
          <Tab
            key={status}
            value={status}
            label={<Label text={translate(`resources.orders.statuses.${status}`)} count={counts?.[status]} testId={`order-tab-count-${status}`} />}
            data-testid={`order-tab-${status}`}
          />
        ))}
      </Tabs>
    </Box>
  );
};
