import type { stockLevelsEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const stockLevelsZhCN: Messages<typeof stockLevelsEn> = {
  name: '实时库存',
  fields: {
    id: 'ID',
    sku: 'SKU',
    productName: '商品名称',
    productId: '商品',
    warehouseId: '仓库',
    onHand: '在库',
    reserved: '已占用',
    available: '可用',
    binned: '已上架',
    unbinned: '未上架',
    low: '低库存',
    lowStockThreshold: '低库存阈值',
    updatedAt: '更新时间',
    q: '搜索',
    movement_type: '操作类型',
    quantity: '数量',
    reason: '原因',
    reference: '单据号',
    toWarehouseId: '调入仓库',
    binId: '库位',
    fromBinId: '调出库位',
    toBinId: '上架到库位',
  },
  filters: {
    low_only: '仅看低库存',
  },
  search_hint: 'SKU 或商品名称',
  low_badge: '低库存',
  out: '缺货',
  movement_types: {
    receipt: '入库',
    adjustment: '调整',
  },
  actions: {
    movement: '入库 / 调整',
    record: '确认',
    transfer: '调拨',
    threshold: '阈值',
    all_warehouses: '查看该 SKU 在所有仓库的库存',
  },
  movement_dialog: {
    title: '%{sku} 入库或调整',
    current: '在库 %{onHand} · 已占用 %{reserved} · 可用 %{available}',
    binned: '已上架 %{binned} · 未上架 %{unbinned}',
  },
  transfer_dialog: {
    title: '将 %{sku} 调拨到其他仓库',
  },
  threshold_dialog: {
    title: '%{sku} 的低库存阈值',
  },
  helpers: {
    receipt_quantity: '本次入库的件数，将计入在库数量。',
    adjustment_quantity: '正数为增加，负数为扣减（如破损 -3）。已占用的库存不能扣减。',
    reason: '原因，例如采购到货、盘点差异。',
    reference: '选填：采购单、盘点单或送货单号。',
    lowStockThreshold: '可用数量降到该值及以下时视为低库存；留空按 0 计。',
    bin_in: '选填：直接上架到该库位。',
    bin_out: '部分库存在库位中：请选择从哪个库位扣减。留空则扣减未上架的库存。',
  },
  validation: {
    same_warehouse: '请选择与当前仓库不同的目标仓库。',
    not_zero: '数量不能为 0。',
    integer: '请输入整数。',
    receipt_positive: '入库只能增加库存：请输入正数，或改选“调整”。',
  },
  notifications: {
    recorded: '库存变动已记录。',
    transferred: '调拨完成。',
    threshold_saved: '阈值已保存。',
  },
};
