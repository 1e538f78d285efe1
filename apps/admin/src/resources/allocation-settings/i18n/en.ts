export const allocationSettingsEn = {
  name: 'Allocation setting |||| Allocation',
  fields: {
    scope: 'Applies to',
    channelId: 'Sales channel ID',
    strategies: 'Ranking',
    strategy1: 'First by',
    strategy2: 'Then by',
    strategy3: 'Then by',
    shortagePolicy: 'When stock is short',
    warehouseIds: 'Warehouses',
    updatedAt: 'Updated',
  },
  default_scope: 'All orders (default)',
  channel_scope: 'Channel %{id}',
  all_warehouses: 'All warehouses',
  default_title: 'Default allocation',
  channel_title: 'Allocation for channel %{id}',
  strategies: {
    nearest: 'Nearest',
    lowest_cost: 'Lowest shipping cost',
    priority: 'Warehouse priority',
  },
  policies: {
    ship_available: 'Ship what is available, backorder the rest',
    split: 'Split into separate shipments',
    wait: 'Wait for the whole order',
  },
  policy_help: {
    ship_available: 'one parcel now from the warehouse that has the most of the order; the rest ships when stock arrives.',
    split: 'everything in stock anywhere ships now, from as few warehouses as possible; only what no warehouse has waits.',
    wait: 'no stock is held until the whole order can ship; then it ships complete.',
  },
  sections: {
    strategies: 'Which warehouse ships',
    shortage: 'When no warehouse has the whole order',
    warehouses: 'Warehouses used',
  },
  helpers: {
    strategies:
      'Warehouses that are active, serve the address and hold the stock are ranked by these, in order; each one breaks the ties of the one before. One warehouse for the whole order always comes first.',
    warehouses: 'Leave empty to use every warehouse. A virtual warehouse stands for the warehouses it pools.',
    channel: 'The channel whose orders follow this setting instead of the default.',
    channel_invalid: 'A channel ID looks like 0190f5c2-7a4e-7c3b-9d1e-2f6a8b0c4d5e.',
  },
};
