import type { allocationSettingsEn } from './en';

export const allocationSettingsZhCN: typeof allocationSettingsEn = {
  name: '分仓设置',
  fields: {
    scope: '适用范围',
    channelId: '销售渠道 ID',
    strategies: '排序规则',
    strategy1: '首先按',
    strategy2: '其次按',
    strategy3: '再次按',
    shortagePolicy: '缺货处理',
    warehouseIds: '参与分仓的仓库',
    updatedAt: '更新时间',
  },
  default_scope: '全部订单（默认）',
  channel_scope: '渠道 %{id}',
  all_warehouses: '全部仓库',
  default_title: '默认分仓设置',
  channel_title: '渠道 %{id} 的分仓设置',
  strategies: {
    nearest: '就近发货',
    lowest_cost: '运费最低',
    priority: '仓库优先级',
  },
  policies: {
    ship_available: '有货先发，缺货部分待补货',
    split: '拆分为多个包裹发货',
    wait: '整单等待补货',
  },
  policy_help: {
    ship_available: '由拥有该订单最多商品的仓库先发一个包裹，其余商品到货后再发。',
    split: '任何仓库有货的商品都立即发出，尽量少拆仓；只有所有仓库都缺的商品才等待。',
    wait: '在整单都能发货之前不锁定库存，到齐后整单发出。',
  },
  sections: {
    strategies: '由哪个仓库发货',
    shortage: '没有仓库能发整单时',
    warehouses: '参与分仓的仓库',
  },
  helpers: {
    strategies: '启用、覆盖收货地址且有库存的仓库按以下规则依次排序，后一条规则只在前一条打平时起作用。能发整单的单一仓库始终优先。',
    warehouses: '留空表示使用全部仓库。虚拟仓代表其包含的各个实体仓。',
    channel: '该渠道的订单按此设置分仓，而不是默认设置。',
    channel_invalid: '渠道 ID 的格式如 0190f5c2-7a4e-7c3b-9d1e-2f6a8b0c4d5e。',
  },
};
