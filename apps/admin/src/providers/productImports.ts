import { HttpError, type Identifier } from 'react-admin';
import type { ProductImport } from '../resources/products/types';
import { httpClient, toApiError } from './httpClient';
import { API_URL, getAccessToken, refreshSession } from './session';

/** The product import endpoints, as custom dataProvider methods. */
export interface ProductImportMethods {
  /** Uploads a CSV or XLSX file; the answer (202) is the queued job. */
  importProducts(file: File): Promise<{ data: ProductImport }>;
  getProductImport(id: Identifier): Promise<{ data: ProductImport }>;
  /** The failed rows with their error column, as a file to save. */
  getFailedProductRows(id: Identifier, format: 'csv' | 'xlsx'): Promise<{ data: { blob: Blob; fileName: string } }>;
}

const path = (id: Identifier) => `${API_URL}/product-imports/${encodeURIComponent(String(id))}`;

/** The name in `Content-Disposition`, preferring the UTF-8 form (商品-failed-rows.csv). */
export const attachmentName = (header: string | null, fallback: string): string => {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // A malformed name: use the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
};

/** A file download with the bearer token; like httpClient, it refreshes the session once on a 401. */
const fetchFile = async (url: string): Promise<Response> => {
  const send = () => fetch(url, { headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` } });
  const token = getAccessToken();
  let response = await send().catch((error: unknown) => Promise.reject(toApiError(error)));
  if (response.status === 401 && (await refreshSession(token))) response = await send();
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw toApiError(new HttpError(String(body?.message ?? response.statusText), response.status, body));
  }
  return response;
};

export const productImportMethods: ProductImportMethods = {
  async importProducts(file) {
    const form = new FormData();
    form.append('file', file, file.name);
    const { json } = await httpClient(`${API_URL}/product-imports`, { method: 'POST', body: form });
    return { data: json as ProductImport };
  },
  async getProductImport(id) {
    const { json } = await httpClient(path(id));
    return { data: json as ProductImport };
  },
  async getFailedProductRows(id, format) {
    const response = await fetchFile(`${path(id)}/failed-rows?format=${format}`);
    const fileName = attachmentName(response.headers.get('Content-Disposition'), `failed-rows.${format}`);
    return { data: { blob: await response.blob(), fileName } };
  },
};
