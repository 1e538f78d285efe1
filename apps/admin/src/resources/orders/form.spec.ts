import { estimateTotalMinor, estimateWithLinesMinor, orderFormErrors, toCreateOrderInput, toLineFormValues, toLineInput } from './form';

describe('manual order entry form', () => {
  const filled = {
    customer: { name: ' 张三 ', phone: '13800138000', email: null },
    shippingAddress: { country: 'cn', province: '浙江省', city: '杭州市', district: '', line1: '文一西路 969 号', line2: null },
    lines: [
      { sku: 'TEE-WHITE-M', quantity: 2, unitPrice: 99, discount: 10.5 },
      { sku: 'MUG-RED', quantity: 1, unitPrice: 49.9, discount: null },
    ],
    currency: 'CNY',
    shippingFee: 12,
    payment: { method: 'alipay', status: 'paid' as const, reference: '' },
    remark: '  ',
    tags: [' vip ', 'vip', ''],
  };

  it('sends amounts typed in yuan as fen, and leaves out what was left blank', () => {
    expect(toCreateOrderInput(filled)).toEqual({
      customer: { name: '张三', phone: '13800138000' },
      shippingAddress: { country: 'CN', province: '浙江省', city: '杭州市', line1: '文一西路 969 号' },
      lines: [
        { sku: 'TEE-WHITE-M', quantity: 2, unitPriceMinor: 9900, discountMinor: 1050 },
        { sku: 'MUG-RED', quantity: 1, unitPriceMinor: 4990 },
      ],
      currency: 'CNY',
      shippingFeeMinor: 1200,
      payment: { method: 'alipay', status: 'paid' },
      tags: ['vip'],
    });
  });

  it('sends the delivery requirements and a raised priority, and nothing for blank ones', () => {
    const input = toCreateOrderInput({
      ...filled,
      delivery: { preferredCarrier: ' SF ', promisedDate: '2026-12-24', instructions: '  ' },
      priority: 50,
    });
    expect(input.delivery).toEqual({ preferredCarrier: 'SF', promisedDate: '2026-12-24' });
    expect(input.priority).toBe(50);
    const blank = toCreateOrderInput({ ...filled, delivery: { preferredCarrier: '', promisedDate: null }, priority: 0 });
    expect(blank).not.toHaveProperty('delivery');
    expect(blank).not.toHaveProperty('priority');
  });

  it('keeps amounts whole in a currency without minor units', () => {
    const input = toCreateOrderInput({ ...filled, currency: 'JPY', lines: [{ sku: 'A', quantity: 1, unitPrice: 1200 }], shippingFee: null });
    expect(input.lines[0].unitPriceMinor).toBe(1200);
    expect(input.shippingFeeMinor).toBeUndefined();
  });

  it('estimates the total as the server computes it, once every line is priced', () => {
    // 2 × 99 − 10.50 + 49.90 + 12 shipping
    expect(estimateTotalMinor(filled)).toBe(19800 - 1050 + 4990 + 1200);
    expect(estimateTotalMinor({ ...filled, lines: [{ sku: 'A', quantity: 1, unitPrice: null }] })).toBeNull();
    expect(estimateTotalMinor({ ...filled, lines: [] })).toBeNull();
  });

  it("puts the API's field errors under the form's own inputs and drops those without one", () => {
    const errors = orderFormErrors({
      fields: [
        { field: 'customer.email', message: 'email must be an email address' },
        { field: 'lines.1.quantity', message: 'quantity must not be less than 1' },
        { field: 'lines[0].discountMinor', message: 'A line discount cannot exceed the line price' },
        { field: 'shippingFeeMinor', message: 'shippingFeeMinor must not be less than 0' },
        { field: 'payment.paidAmountMinor', message: 'The paid amount is not the order total' },
        { field: 'channel', message: 'is not an active sales channel' },
        { field: 'delivery.promisedDate', message: 'promisedDate must be a date such as 2026-12-01' },
      ],
    });
    expect(errors).toEqual({
      customer: { email: 'email must be an email address' },
      lines: { 0: { discount: 'A line discount cannot exceed the line price' }, 1: { quantity: 'quantity must not be less than 1' } },
      shippingFee: 'shippingFeeMinor must not be less than 0',
      delivery: { promisedDate: 'promisedDate must be a date such as 2026-12-01' },
    });
    expect(orderFormErrors({ fields: [{ field: 'channel', message: 'x' }] })).toBeUndefined();
    expect(orderFormErrors(undefined)).toBeUndefined();
  });

  describe('editing the items of an order', () => {
    const order = {
      currency: 'CNY',
      shippingFeeMinor: 1000,
      // 500 of the order's discount is its own, not a line's.
      discountMinor: 1500,
      lines: [
        { id: '1', sku: 'TEE-WHITE-M', name: 'T', quantity: 2, unitPriceMinor: 9900, discountMinor: 1000, taxMinor: 0, totalMinor: 18800 },
        { id: '2', sku: 'MUG-RED', name: 'M', quantity: 1, unitPriceMinor: 4990, discountMinor: 0, taxMinor: 300, totalMinor: 5290 },
      ],
    };

    it('opens with the items in yuan, and sends them back in fen with their tax unchanged', () => {
      const rows = toLineFormValues(order);
      expect(rows).toEqual([
        { sku: 'TEE-WHITE-M', quantity: 2, unitPrice: 99, discount: 10, taxMinor: null },
        { sku: 'MUG-RED', quantity: 1, unitPrice: 49.9, discount: null, taxMinor: 300 },
      ]);
      expect(rows.map((row) => toLineInput(row, 'CNY'))).toEqual([
        { sku: 'TEE-WHITE-M', quantity: 2, unitPriceMinor: 9900, discountMinor: 1000 },
        { sku: 'MUG-RED', quantity: 1, unitPriceMinor: 4990, taxMinor: 300 },
      ]);
    });

    it("estimates the new total with the order's shipping and own discount", () => {
      // The same items: the same total as now (18800 + 5290 + 1000 shipping − 500).
      expect(estimateWithLinesMinor(order, toLineFormValues(order))).toBe(24590);
      expect(estimateWithLinesMinor(order, [{ sku: 'CAP-BLACK', quantity: 3, unitPrice: 69 }])).toBe(20700 + 1000 - 500);
      expect(estimateWithLinesMinor(order, [{ sku: 'CAP-BLACK', quantity: 3, unitPrice: null }])).toBeNull();
    });
  });
});
