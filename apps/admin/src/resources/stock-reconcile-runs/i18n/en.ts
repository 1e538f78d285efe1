export const stockReconcileRunsEn = {
  name: 'Stock check |||| Stock checks',
  triggers: {
    nightly: 'nightly',
    manual: 'on request',
  },
  none: 'No stock check has run yet. One runs every night at 03:00.',
  clean: 'Stock check of %{at} (%{trigger}): all %{levels} levels agree with the ledger, the open reservations and their bins.',
  drift: 'Stock check of %{at} (%{trigger}) found %{levels} level(s) and %{bins} bin(s) out of step. Correct them with an adjustment after a count.',
  columns: {
    sku: 'SKU',
    warehouse: 'Warehouse',
    onHand: 'On hand / ledger',
    reserved: 'Reserved / ledger / open reservations',
    binned: 'In bins / bins hold',
    bin: 'Bin',
    quantity: 'Quantity / bin ledger',
  },
  actions: {
    run: 'Check now',
    details: 'Show what drifted',
    hide: 'Hide',
  },
  notifications: {
    clean: 'Stock checked: no drift.',
    drift: 'Stock checked: drift found.',
  },
};
