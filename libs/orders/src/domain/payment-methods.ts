/** Payment methods and whether they settle at once (wallets, cards) or need confirming (transfers, cash on delivery). */
export const PAYMENT_METHODS = {
  alipay: { instant: true },
  wechat_pay: { instant: true },
  unionpay: { instant: true },
  card: { instant: true },
  paypal: { instant: true },
  balance: { instant: true },
  bank_transfer: { instant: false },
  cash_on_delivery: { instant: false },
} as const;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;
export const PAYMENT_METHOD_KEYS = Object.keys(PAYMENT_METHODS) as PaymentMethod[];
