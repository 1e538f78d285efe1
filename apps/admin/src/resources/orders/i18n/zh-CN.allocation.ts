import type { allocationEn } from './en.allocation';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const allocationZhCN: Messages<typeof allocationEn> = {
  run: '第 %{sequence} 次配货 · %{at}',
  chosen: '发货仓库',
  considered: '参与比较的仓库',
  short: '缺货',
  nothing_short: '没有缺货。',
  units: '%{sku} × %{quantity}',
  missing: '%{sku}：需 %{requested} 件，缺 %{missing} 件',
  warehouse: '仓库',
  rank: '排名',
  can_ship: '可发件数',
  distance: '距离',
  cost: '运费',
  priority: '优先级',
  outcome: '结果',
  km: '%{km} 公里',
  eligible: '可发货',
  insufficient: '该仓库 %{sku} 库存不足：可用 %{available}，需要 %{requested}。请选择其他仓库。',
  decisions: {
    single_warehouse: '由一个仓库整单发货',
    fewest_warehouses: '没有仓库能发整单：由尽量少的仓库分别发货',
    best_partial: '库存不足：由货最多的仓库先发，其余待补货',
    waiting_for_stock: '库存不足，按策略等待整单到齐',
    nothing_available: '可用仓库都没有这些商品的库存',
    manual: '人工指定仓库',
  },
  excluded: {
    inactive: '仓库已停用',
    outside_region: '不配送该地址',
    no_stock: '没有这些商品的库存',
  },
  triggers: {
    order: '审核通过时',
    backorder: '到货时',
    manual: '人工',
  },
  statuses: {
    allocated: '已配货',
    partially_allocated: '部分配货',
    backordered: '缺货待发',
    released: '已释放',
  },
};
