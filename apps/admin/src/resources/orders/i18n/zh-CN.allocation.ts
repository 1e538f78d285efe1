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
  picks: {
    whole: '整单',
    per_line: '按商品',
    whole_body: '由所选仓库发出整单并预占库存，取代系统的分配结果。',
    per_line_body:
      '为每件商品选择各仓库发货的数量。表格已填入订单当前占用的库存。修改过的行会先释放原有占用、再按新数量预占，不足部分转为缺货待发；未修改的行保持不变。',
    needed: '订购数量',
    picked: '已选',
    available: '可用 %{available}',
    too_many: '%{sku}：已选 %{picked} 件，但只订购了 %{quantity} 件。',
    empty_line: '%{sku}：请至少选择一件，或恢复原来的数量。',
    unchanged: '没有任何修改：请至少修改一行。',
    no_warehouses: '没有可发货的启用仓库。',
  },
};
