import type { productsEn } from './en';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const productsZhCN: Messages<typeof productsEn> = {
  name: '商品',
  fields: {
    id: 'ID',
    sku: 'SKU',
    name: '商品名称',
    attributes: '规格',
    attribute_name: '规格名',
    attribute_value: '规格值',
    barcodes: '条码',
    weightGrams: '重量（克）',
    lengthMm: '长（毫米）',
    widthMm: '宽（毫米）',
    heightMm: '高（毫米）',
    dimensions: '尺寸（长 × 宽 × 高）',
    price: '售价',
    priceMinor: '售价',
    currency: '币种',
    purchaseLimit: '限购数量',
    active: '启用',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    q: '搜索',
  },
  helpers: {
    sku: '字母、数字及 . _ / -，最多 64 个字符；不区分大小写，不可重复。',
    attributes: '该 SKU 对应的规格，例如 颜色 = 蓝色、尺码 = M。',
    barcodes: 'EAN、UPC 或自编条码。输入或扫描后按回车。',
    price: '所选币种的单价。',
    purchaseLimit: '每位顾客最多可购买的件数；留空表示不限购。',
    active: '停用的商品仍保留在商品库中，但不再销售。',
  },
  search_hint: 'SKU、名称或条码',
  dimensions: '%{length} × %{width} × %{height} 毫米',
  no_limit: '不限购',
  validation: {
    sku: '请输入 1-64 位字母、数字或 . _ / -，且以字母或数字开头。',
    barcode: '条码格式不正确（4-64 位字母、数字或 -）：%{value}',
    barcodes_max: '最多 %{max} 个条码。',
    attribute_repeated: '规格名“%{name}”重复。',
    decimals: '%{currency} 最多保留 %{digits} 位小数。',
    integer: '请输入整数。',
  },
  sections: {
    identity: '商品信息',
    specification: '规格与条码',
    logistics: '重量与尺寸',
    sales: '销售',
    activity: '记录',
  },
  empty: {
    title: '还没有商品',
    body: '每个在售的 SKU 都是一个商品，包含规格、条码、发货重量和售价。',
  },
};
