import type { stockMovementsEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const stockMovementsZhCN: Messages<typeof stockMovementsEn> = {
  name: '库存流水',
  fields: {
    id: 'ID',
    at: '时间',
    sku: 'SKU',
    warehouseId: '仓库',
    type: '类型',
    quantity: '数量',
    onHandAfter: '变动后在库',
    reservedAfter: '变动后占用',
    reason: '原因',
    reference: '单据号',
    actorId: '操作人',
    at_gte: '开始时间',
    at_lte: '结束时间',
  },
  types: {
    receipt: '入库',
    adjustment: '调整',
    reservation: '占用',
    release: '释放',
    shipment: '出库',
    return: '退货入库',
    transfer_out: '调拨出库',
    transfer_in: '调拨入库',
  },
  system_actor: '系统',
};
