export const customersZhCN = {
  name: '客户',
  title: '客户 %{name}',
  search_hint: '姓名、手机号、邮箱',
  no_orders: '暂无订单。',
  fields: {
    q: '搜索',
    name: '姓名',
    phone: '手机号',
    email: '邮箱',
    orderCount: '订单数',
    totalSpentMinor: '累计消费',
    firstOrderAt: '首次下单',
    lastOrderAt: '最近下单',
    channelId: '渠道',
    createdAt: '成为客户',
  },
  sections: {
    orders: '订单',
  },
};
