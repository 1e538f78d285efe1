export const binStockEn = {
  name: 'Bin stock |||| Bin stock',
  fields: {
    id: 'ID',
    binId: 'Bin',
    binCode: 'Bin',
    binSequence: 'Walk order',
    binActive: 'Bin active',
    zone: 'Zone',
    productId: 'Product',
    sku: 'SKU',
    warehouseId: 'Warehouse',
    quantity: 'Quantity',
    updatedAt: 'Updated',
    toBinId: 'To bin',
    reason: 'Note',
  },
  sections: {
    unbinned: 'Waiting to be put away',
    binned: 'Stock in bins (walking order)',
  },
  actions: {
    putaway: 'Put away',
    move: 'Move to another bin',
    move_submit: 'Move',
  },
  putaway_dialog: {
    title: 'Put away %{sku}',
    current: '%{unbinned} not in bins · %{binned} in bins',
  },
  move_dialog: {
    title: 'Move %{sku} out of %{bin}',
    current: '%{bin} holds %{quantity}',
  },
  helpers: {
    putaway_bin: 'Type part of the bin code, e.g. A-01.',
    reason: 'Optional, e.g. the receipt it came with.',
  },
  search_hint: 'SKU or bin',
  all_binned: 'Everything on hand is in bins.',
  none: 'No stock in bins.',
  validation: {
    integer: 'Whole numbers only.',
    same_bin: 'Choose a different bin from the one the units are in.',
  },
  notifications: {
    put_away: 'Stock put away.',
    moved: 'Stock moved.',
  },
};
