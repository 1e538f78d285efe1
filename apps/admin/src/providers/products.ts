import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import { toMajor, toMinor } from '../resources/products/money';
import type { ApiProduct, Attribute, Product } from '../resources/products/types';
import type { FormErrors } from './formErrors';

/**
 * The products resource as its screens want it: attributes as name/value rows for the
 * key/value editor, and the price in major units as people type it (¥99.00, not 9900).
 * On the way out both go back to the API's shape, and the server's errors about
 * `priceMinor` land on the price input.
 */
export const fromApi = (record: ApiProduct): Product => ({
  ...record,
  attributes: Object.entries(record.attributes ?? {}).map(([name, value]) => ({ name, value })),
  price: typeof record.priceMinor === 'number' ? toMajor(record.priceMinor, record.currency) : null,
});

const attributesOf = (rows: unknown): Record<string, string> =>
  Object.fromEntries(
    (Array.isArray(rows) ? (rows as Partial<Attribute>[]) : [])
      .map((row) => [String(row?.name ?? '').trim(), String(row?.value ?? '').trim()] as const)
      .filter(([name]) => name !== ''),
  );

export const toApi = (data: Partial<RaRecord>): Partial<RaRecord> => {
  const { price, ...rest } = data;
  const out: Partial<RaRecord> = { ...rest };
  if ('attributes' in data) out.attributes = attributesOf(data.attributes);
  if (typeof price === 'number' && typeof data.currency === 'string') out.priceMinor = toMinor(price, data.currency);
  return out;
};

const remapErrors = (error: unknown): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as { errors?: FormErrors } | undefined;
  if (!body?.errors || body.errors.priceMinor === undefined) return error;
  const { priceMinor, ...others } = body.errors;
  return new HttpError(error.message, error.status, { ...body, errors: { ...others, price: priceMinor } });
};

const write = async <T extends { data: RaRecord }>(send: () => Promise<T>): Promise<T> => {
  try {
    const result = await send();
    return { ...result, data: fromApi(result.data as ApiProduct) };
  } catch (error) {
    throw remapErrors(error);
  }
};

export const withProducts = (base: DataProvider): DataProvider => {
  const isProducts = (resource: string) => resource === 'products';
  const many = <T extends { data: RaRecord[] }>(resource: string, result: T): T =>
    isProducts(resource) ? { ...result, data: result.data.map((r) => fromApi(r as ApiProduct)) } : result;
  return {
    ...base,
    getList: async (resource, params) => many(resource, await base.getList(resource, params)),
    getMany: async (resource, params) => many(resource, await base.getMany(resource, params)),
    getManyReference: async (resource, params) => many(resource, await base.getManyReference(resource, params)),
    async getOne(resource, params) {
      const result = await base.getOne(resource, params);
      return isProducts(resource) ? { ...result, data: fromApi(result.data as unknown as ApiProduct) } : result;
    },
    create(resource, params) {
      if (!isProducts(resource)) return base.create(resource, params);
      return write(() => base.create(resource, { ...params, data: toApi(params.data) }));
    },
    update(resource, params) {
      if (!isProducts(resource)) return base.update(resource, params);
      return write(() => base.update(resource, { ...params, data: toApi(params.data) }));
    },
  } as DataProvider;
};
