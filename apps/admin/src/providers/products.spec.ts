import { HttpError, type DataProvider } from 'react-admin';
import { fromApi, toApi, withProducts } from './products';
import type { ApiProduct } from '../resources/products/types';

const apiProduct: ApiProduct = {
  id: 'p1',
  sku: 'TSHIRT-BLU-M',
  name: 'T-shirt',
  attributes: { color: 'blue', size: 'M' },
  barcodes: ['6901234567892'],
  weightGrams: 180,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
  priceMinor: 9900,
  currency: 'CNY',
  purchaseLimit: null,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('products in the data provider', () => {
  it('gives the screens attribute rows and the price in major units', () => {
    expect(fromApi(apiProduct)).toMatchObject({
      attributes: [
        { name: 'color', value: 'blue' },
        { name: 'size', value: 'M' },
      ],
      price: 99,
      priceMinor: 9900,
    });
  });

  it('sends the API an attribute object and the price in minor units, dropping blank rows', () => {
    const sent = toApi({
      ...fromApi(apiProduct),
      attributes: [
        { name: ' color ', value: ' red ' },
        { name: '', value: 'ignored' },
      ],
      price: 19.99,
    });
    expect(sent).toMatchObject({ attributes: { color: 'red' }, priceMinor: 1999 });
    expect(sent).not.toHaveProperty('price');
  });

  it('uses the currency of the form for the minor units', () => {
    expect(toApi({ price: 1200, currency: 'JPY' })).toEqual({ priceMinor: 1200, currency: 'JPY' });
  });

  it('puts the server errors about priceMinor on the price input', async () => {
    const base = {
      create: () => Promise.reject(new HttpError('errors.validation.failed', 400, { errors: { priceMinor: 'must be >= 0' } })),
    } as unknown as DataProvider;
    const error = await withProducts(base)
      .create('products', { data: { price: -1, currency: 'CNY' } })
      .catch((e: HttpError) => e);
    expect((error as HttpError).body).toEqual({ errors: { price: 'must be >= 0' } });
  });
});
