import type { flagsEn } from './en.flags';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const flagsZhCN: Messages<typeof flagsEn> = {
  flags: {
    open: '待处理',
    resolved: '已处理',
    none: '没有异常。',
    raised: '%{at} 标记',
    resolved_how: '%{at} %{resolution}',
    by: '处理人：%{name}',
  },
  flag_codes: {
    HELD: '人工挂起',
    CANCEL_REQUESTED: '已向仓库申请取消',
    ADDRESS_INCOMPLETE: '地址不完整',
    OUTSIDE_DELIVERY_AREA: '超出配送范围',
    PHONE_INVALID: '手机号无效',
    UNKNOWN_SKU: '未知商品',
    INACTIVE_SKU: '商品已停售',
    OUT_OF_STOCK: '库存不足',
    PAYMENT_UNCONFIRMED: '未确认收款',
    PURCHASE_LIMIT_EXCEEDED: '超出限购',
    AMOUNT_NEEDS_REVIEW: '大额订单',
    BLOCK_LISTED: '命中黑名单',
    SUSPECTED_DUPLICATE: '疑似重复订单',
  },
  flag_details: {
    ADDRESS_INCOMPLETE: '缺少或有误：%{fields}',
    OUTSIDE_DELIVERY_AREA: '没有启用的仓库配送到%{place}。',
    PHONE_INVALID: '“%{phone}”不是 %{country} 的有效手机号。',
    phone_missing: '缺少手机号。',
    UNKNOWN_SKU: '商品库中没有：%{skus}',
    INACTIVE_SKU: '已停售：%{skus}',
    short_item: '%{sku}：订购 %{ordered} 件，可用 %{available} 件',
    PAYMENT_UNCONFIRMED: '%{method}：应收 %{total}，已收 %{paid}。',
    limit_item: '%{sku}：本单 %{ordered} 件，近 %{days} 天已购 %{bought} 件，限购 %{limit} 件',
    AMOUNT_NEEDS_REVIEW: '订单金额 %{total} 超过审核阈值 %{threshold}。',
    BLOCK_LISTED: '命中%{matches}',
    block_item: '%{kind}“%{value}”',
    block_kinds: {
      customer_name: '姓名',
      phone: '手机号',
      email: '邮箱',
      address: '地址',
    },
    SUSPECTED_DUPLICATE: '与订单 %{orders} 的客户和商品相同，下单时间相差不到 %{hours} 小时。',
  },
  resolutions: {
    fixed: '已修正',
    approved_anyway: '强制通过',
    rejected: '随驳回关闭',
    cancelled: '随取消关闭',
    released: '已解除',
    merged: '已合并到其他订单',
    refused: '仓库拒绝取消',
  },
};
