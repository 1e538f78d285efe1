import type { backordersEn } from './en';

export const backordersZhCN: typeof backordersEn = {
  name: '缺货待发',
  fields: {
    orderId: '订单',
    lineId: '行',
    sku: 'SKU',
    requested: '下单数量',
    outstanding: '待补数量',
    paidAt: '付款时间',
    status: '状态',
  },
  statuses: {
    open: '等待补货',
    filled: '已分配',
    cancelled: '已取消',
  },
};
