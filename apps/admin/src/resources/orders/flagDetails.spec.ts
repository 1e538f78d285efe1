import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { flagDetail } from './flagDetails';

describe("an audit exception's details in the interface language", () => {
  const english = polyglotI18nProvider(() => en, 'en').translate;
  const chinese = polyglotI18nProvider(() => zhCN, 'zh-CN').translate;

  it('names what the address lacks with the form\'s own words', () => {
    const params = { fields: 'city, line1', items: [{ field: 'city', problem: 'missing' }, { field: 'line1', problem: 'missing' }] };
    expect(flagDetail(english, 'en', 'ADDRESS_INCOMPLETE', params)).toBe('Missing or invalid: City, Street address');
    expect(flagDetail(chinese, 'zh-CN', 'ADDRESS_INCOMPLETE', params)).toBe('缺少或有误：城市、详细地址');
  });

  it('writes amounts as money in the reader\'s language', () => {
    const params = { totalMinor: 564000, thresholdMinor: 500000, currency: 'CNY' };
    expect(flagDetail(chinese, 'zh-CN', 'AMOUNT_NEEDS_REVIEW', params)).toBe('订单金额 ¥5,640.00 超过审核阈值 ¥5,000.00。');
    const payment = { method: 'bank_transfer', status: 'pending', paidMinor: 0, totalMinor: 10900, currency: 'CNY' };
    expect(flagDetail(english, 'en', 'PAYMENT_UNCONFIRMED', payment)).toBe('Bank transfer: CN¥0.00 received of CN¥109.00.');
  });

  it('lists each short SKU, each purchase over its limit and each block-list match', () => {
    expect(
      flagDetail(chinese, 'zh-CN', 'OUT_OF_STOCK', {
        skus: 'A, B',
        items: [
          { sku: 'A', ordered: 5, available: 2 },
          { sku: 'B', ordered: 1, available: 0 },
        ],
      }),
    ).toBe('A：订购 5 件，可用 2 件、B：订购 1 件，可用 0 件');
    expect(
      flagDetail(english, 'en', 'PURCHASE_LIMIT_EXCEEDED', { periodDays: 30, items: [{ sku: 'EARB-WHITE', ordered: 2, alreadyBought: 1, limit: 2 }] }),
    ).toBe('EARB-WHITE: 2 on this order and 1 in the last 30 days, limit 2');
    expect(flagDetail(chinese, 'zh-CN', 'BLOCK_LISTED', { items: [{ kind: 'phone', value: '13800000000' }] })).toBe('命中手机号“13800000000”');
  });

  it('says nothing for a code or figures it does not know', () => {
    expect(flagDetail(english, 'en', 'HELD', { reason: 'x' })).toBeNull();
    expect(flagDetail(english, 'en', 'AMOUNT_NEEDS_REVIEW', undefined)).toBeNull();
    expect(flagDetail(english, 'en', 'OUT_OF_STOCK', {})).toBeNull();
  });
});
