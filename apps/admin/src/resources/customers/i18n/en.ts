export const customersEn = {
  name: 'Customer |||| Customers',
  title: 'Customer %{name}',
  search_hint: 'Name, phone, email',
  no_orders: 'No orders yet.',
  fields: {
    q: 'Search',
    name: 'Name',
    phone: 'Phone',
    email: 'Email',
    orderCount: 'Orders',
    totalSpentMinor: 'Total spent',
    firstOrderAt: 'First order',
    lastOrderAt: 'Last order',
    channelId: 'Channel',
    createdAt: 'Customer since',
  },
  sections: {
    orders: 'Orders',
  },
};
