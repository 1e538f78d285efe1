export const backordersEn = {
  name: 'Backorder |||| Backorders',
  fields: {
    orderId: 'Order',
    lineId: 'Line',
    sku: 'SKU',
    requested: 'Ordered',
    outstanding: 'Waiting for',
    paidAt: 'Paid',
    status: 'Status',
  },
  statuses: {
    open: 'Waiting',
    filled: 'Filled',
    cancelled: 'Cancelled',
  },
};
