export const stockReconcileRunsZhCN = {
  name: '库存核对',
  triggers: {
    nightly: '夜间自动',
    manual: '手动',
  },
  none: '尚未进行库存核对。系统每晚 03:00 自动核对。',
  clean: '%{at} 库存核对（%{trigger}）：全部 %{levels} 条库存与流水账、未结预占及库位一致。',
  drift: '%{at} 库存核对（%{trigger}）发现 %{levels} 条库存、%{bins} 个库位与账不符。请盘点后用调整单更正。',
  columns: {
    sku: 'SKU',
    warehouse: '仓库',
    onHand: '在库 / 流水',
    reserved: '预占 / 流水 / 未结预占',
    binned: '库位内 / 库位合计',
    bin: '库位',
    quantity: '数量 / 库位流水',
  },
  actions: {
    run: '立即核对',
    details: '查看差异',
    hide: '收起',
  },
  notifications: {
    clean: '库存已核对：无差异。',
    drift: '库存已核对：发现差异。',
  },
};
