import { toMajor, toMinor } from '../../money';
import type { Address, CreateOrderInput, Order, OrderLineInput } from './types';

/**
 * The manual entry form: the same shape as the API's body, except that amounts are typed in
 * major units (yuan) and named without the `Minor` suffix.
 */
export interface OrderFormLine {
  sku?: string | null;
  quantity?: number | null;
  unitPrice?: number | null;
  discount?: number | null;
  /** Not typed: the tax a line of the order already had, kept when its items are edited. */
  taxMinor?: number | null;
}

export interface OrderFormValues {
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
  shippingAddress?: Partial<Record<keyof Address, string | null>>;
  lines?: OrderFormLine[];
  currency?: string | null;
  shippingFee?: number | null;
  payment?: { method?: string | null; status?: 'paid' | 'pending' | null; reference?: string | null };
  remark?: string | null;
  tags?: string[] | null;
  delivery?: { preferredCarrier?: string | null; promisedDate?: string | null; instructions?: string | null };
  priority?: number | null;
}

export const DEFAULT_ORDER_CURRENCY = 'CNY';

export const ORDER_FORM_DEFAULTS: OrderFormValues = {
  customer: {},
  shippingAddress: { country: 'CN' },
  lines: [{ quantity: 1 }],
  currency: DEFAULT_ORDER_CURRENCY,
  payment: { method: 'alipay', status: 'paid' },
  tags: [],
  delivery: {},
  priority: 0,
};

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
};

const amount = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Leaves out what was left blank, so the API sees only what the user entered. */
const compact = <T extends Record<string, unknown>>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;

/** One item as typed (amounts in major units) as the API takes it; a tax carried over from the order stays as it was. */
export const toLineInput = (line: OrderFormLine, currency: string): OrderLineInput =>
  compact({
    sku: text(line.sku) ?? '',
    quantity: line.quantity ?? 0,
    unitPriceMinor: amount(line.unitPrice) ? toMinor(line.unitPrice, currency) : 0,
    discountMinor: amount(line.discount) && line.discount > 0 ? toMinor(line.discount, currency) : undefined,
    taxMinor: amount(line.taxMinor) && line.taxMinor > 0 ? line.taxMinor : undefined,
  });

/** The delivery requirements entered, or nothing when all were left blank. */
const toDelivery = (delivery: OrderFormValues['delivery']): CreateOrderInput['delivery'] => {
  const entered = compact({
    preferredCarrier: text(delivery?.preferredCarrier),
    promisedDate: text(delivery?.promisedDate),
    instructions: text(delivery?.instructions),
  });
  return Object.keys(entered).length ? entered : undefined;
};

/** The form's values as `POST /api/orders` takes them: trimmed, blanks left out, amounts in minor units. */
export const toCreateOrderInput = (form: OrderFormValues): CreateOrderInput => {
  const currency = text(form.currency) ?? DEFAULT_ORDER_CURRENCY;
  const address = form.shippingAddress ?? {};
  return compact({
    customer: compact({ name: text(form.customer?.name) ?? '', phone: text(form.customer?.phone) ?? '', email: text(form.customer?.email) }),
    shippingAddress: compact({
      country: (text(address.country) ?? '').toUpperCase(),
      province: text(address.province) ?? '',
      city: text(address.city) ?? '',
      district: text(address.district),
      line1: text(address.line1) ?? '',
      line2: text(address.line2),
      postcode: text(address.postcode),
    }),
    lines: (form.lines ?? []).map((line) => toLineInput(line, currency)),
    currency,
    shippingFeeMinor: amount(form.shippingFee) && form.shippingFee > 0 ? toMinor(form.shippingFee, currency) : undefined,
    payment: compact({
      method: text(form.payment?.method) ?? 'alipay',
      status: form.payment?.status ?? 'paid',
      reference: text(form.payment?.reference),
    }),
    remark: text(form.remark),
    tags: form.tags?.length ? [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))] : undefined,
    delivery: toDelivery(form.delivery),
    priority: typeof form.priority === 'number' && form.priority > 0 ? form.priority : undefined,
  });
};

/**
 * What the order will come to, as the server computes it (quantity × price − discount, plus
 * shipping), for the form to show while typing; null until every line has a quantity and price.
 */
export const estimateTotalMinor = (form: OrderFormValues): number | null => {
  const lines = form.lines ?? [];
  if (!lines.length || lines.some((line) => !amount(line.quantity) || !amount(line.unitPrice))) return null;
  const input = toCreateOrderInput(form);
  const goods = input.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor - (line.discountMinor ?? 0), 0);
  return goods + (input.shippingFeeMinor ?? 0);
};

/** An order's items as the item editor's rows: amounts in major units, each line's tax carried along. */
export const toLineFormValues = (order: Pick<Order, 'lines' | 'currency'>): OrderFormLine[] =>
  (order.lines ?? []).map((line) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitPrice: toMajor(line.unitPriceMinor, order.currency),
    discount: line.discountMinor ? toMajor(line.discountMinor, order.currency) : null,
    taxMinor: line.taxMinor || null,
  }));

/**
 * What the order comes to with `lines` instead of its own, as the server computes it: the items,
 * less their discounts, plus their tax and the order's shipping, less the order's own discount.
 * Null until every row has a quantity and a price.
 */
export const estimateWithLinesMinor = (
  order: Pick<Order, 'lines' | 'currency' | 'shippingFeeMinor' | 'discountMinor'>,
  lines: OrderFormLine[],
): number | null => {
  if (!lines.length || lines.some((line) => !amount(line.quantity) || !amount(line.unitPrice))) return null;
  const orderDiscount = order.discountMinor - (order.lines ?? []).reduce((sum, line) => sum + line.discountMinor, 0);
  const items = lines
    .map((line) => toLineInput(line, order.currency))
    .reduce((sum, line) => sum + line.quantity * line.unitPriceMinor - (line.discountMinor ?? 0) + (line.taxMinor ?? 0), 0);
  return items + order.shippingFeeMinor - orderDiscount;
};

/** API field -> form input, for the fields whose name differs (amounts) or that have an input at all. */
const FORM_FIELD: Array<[RegExp, (match: RegExpExecArray) => string[]]> = [
  [/^customer\.(name|phone|email)$/, (m) => ['customer', m[1]]],
  [/^shippingAddress\.(country|province|city|district|line1|line2|postcode)$/, (m) => ['shippingAddress', m[1]]],
  [/^lines\.(\d+)\.(sku|quantity)$/, (m) => ['lines', m[1], m[2]]],
  [/^lines\.(\d+)\.unitPriceMinor$/, (m) => ['lines', m[1], 'unitPrice']],
  [/^lines\.(\d+)\.discountMinor$/, (m) => ['lines', m[1], 'discount']],
  [/^shippingFeeMinor$/, () => ['shippingFee']],
  [/^(currency|remark|tags|priority)$/, (m) => [m[1]]],
  [/^delivery\.(preferredCarrier|promisedDate|instructions)$/, (m) => ['delivery', m[1]]],
  [/^payment\.(method|status|reference)$/, (m) => ['payment', m[1]]],
];

export type NestedErrors = { [key: string]: string | NestedErrors };

/** Sets `message` at `path` unless a message is already there or above it (an input shows one text). */
const put = (tree: NestedErrors, path: string[], message: string): void => {
  const [head, ...rest] = path;
  const current = tree[head];
  if (!rest.length) {
    if (current === undefined) tree[head] = message;
    return;
  }
  if (typeof current === 'string') return;
  const child = current ?? {};
  tree[head] = child;
  put(child, rest, message);
};

/**
 * A refused entry's field errors (`details.fields`), placed under the form's own inputs. A field
 * the form has no input for is left out (the notification says what went wrong): an error under
 * no input would never clear and would block the next save.
 */
export const orderFormErrors = (details: unknown): NestedErrors | undefined => {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return undefined;
  const tree: NestedErrors = {};
  for (const item of fields as Array<{ field?: unknown; message?: unknown }>) {
    if (typeof item?.field !== 'string' || typeof item.message !== 'string') continue;
    // Shape errors name `lines.0.sku`, business rules `lines[0].sku`.
    const field = item.field.replace(/\[(\d+)\]/g, '.$1');
    const rule = FORM_FIELD.map(([pattern, to]) => ({ match: pattern.exec(field), to })).find((r) => r.match);
    if (!rule?.match) continue;
    put(tree, rule.to(rule.match), item.message);
  }
  return Object.keys(tree).length ? tree : undefined;
};
