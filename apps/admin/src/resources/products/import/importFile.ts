/** The import wizard's plain logic: file checks, the template, problem texts, saving a download. */
import type { TranslateFunction } from 'react-admin';
import type { ImportRowError, ProductImport } from '../types';

export const MAX_IMPORT_BYTES = 10 * 2 ** 20;

/** Columns of the template, in order; headed with the panel's labels of the current language. */
export const TEMPLATE_FIELDS = [
  'sku',
  'name',
  'attributes',
  'barcodes',
  'weightGrams',
  'lengthMm',
  'widthMm',
  'heightMm',
  'price',
  'currency',
  'purchaseLimit',
  'active',
] as const;

/** Why a chosen file cannot be imported (an i18n key), before uploading it. */
export const fileProblem = (file: { name: string; size: number }): string | undefined => {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'resources.products.import.choose.wrong_type';
  if (file.size > MAX_IMPORT_BYTES) return 'resources.products.import.choose.too_big';
  return undefined;
};

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A header-only CSV, UTF-8 with a byte-order mark so that Excel shows Chinese headers right. */
export const templateCsv = (headers: string[]): string => `\uFEFF${headers.map(csvCell).join(',')}\r\n`;

export const isFinished = (job: Pick<ProductImport, 'status'> | undefined): boolean =>
  job?.status === 'done' || job?.status === 'failed';

/**
 * A problem code (of a row, or of a refused upload) in the interface language, falling back
 * to the server's English words for a code the panel does not know.
 */
export const problemText = (
  translate: TranslateFunction,
  problem: Pick<ImportRowError, 'code' | 'message' | 'params'>,
): string =>
  translate(`resources.products.import.problems.${problem.code}`, {
    ...problem.params,
    _: problem.message,
  });

/** The error body of a refused upload, as a row-like problem. */
export const uploadProblem = (error: unknown): Pick<ImportRowError, 'code' | 'message' | 'params'> => {
  const body = (error as { body?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.body;
  const details = Object.fromEntries(
    Object.entries(body?.details ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]),
  );
  return {
    code: body?.code ?? 'unknown',
    message: body?.message ?? (error instanceof Error ? error.message : String(error)),
    params: details,
  };
};

/** Hands a downloaded file to the browser to save. */
export const saveFile = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
