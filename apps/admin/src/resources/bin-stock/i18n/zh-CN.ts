import type { binStockEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const binStockZhCN: Messages<typeof binStockEn> = {
  name: '库位库存',
  fields: {
    id: 'ID',
    binId: '库位',
    binCode: '库位',
    binSequence: '拣货顺序',
    binActive: '库位启用',
    zone: '库区',
    productId: '商品',
    sku: 'SKU',
    warehouseId: '仓库',
    quantity: '数量',
    updatedAt: '更新时间',
    toBinId: '目标库位',
    reason: '备注',
  },
  sections: {
    unbinned: '待上架',
    binned: '库位库存（按拣货顺序）',
  },
  actions: {
    putaway: '上架',
    move: '移到其他库位',
    move_submit: '移库',
  },
  putaway_dialog: {
    title: '上架 %{sku}',
    current: '未上架 %{unbinned} · 已上架 %{binned}',
  },
  move_dialog: {
    title: '将 %{sku} 移出 %{bin}',
    current: '%{bin} 现有 %{quantity} 件',
  },
  helpers: {
    putaway_bin: '输入库位编码的一部分，例如 A-01。',
    reason: '选填，例如对应的入库单。',
  },
  search_hint: 'SKU 或库位',
  all_binned: '在库商品已全部上架。',
  none: '库位中暂无库存。',
  validation: {
    integer: '请输入整数。',
    same_bin: '请选择与当前库位不同的库位。',
  },
  notifications: {
    put_away: '上架完成。',
    moved: '移库完成。',
  },
};
