/**
 * Reads an uploaded CSV or XLSX file into rows of cell text. Anything that is not a readable
 * sheet becomes a `SheetReadError` naming the problem; nothing here knows about products.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetRow } from '../domain/product-sheet.rows.js';

export type SheetFormat = 'csv' | 'xlsx';

export interface RawSheet {
  format: SheetFormat;
  header: string[];
  rows: SheetRow[];
}

export type SheetReadProblem = 'empty' | 'unreadable' | 'unsupported_format' | 'unsupported_encoding' | 'too_many_rows' | 'too_large';

export class SheetReadError extends Error {
  constructor(
    readonly problem: SheetReadProblem,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface SheetLimits {
  maxRows: number;
  /** Total size of the parts inside an XLSX (a zip): what unpacking it would take. */
  maxUnpackedBytes: number;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const TEXT_TYPES = /^(text\/|application\/(csv|vnd\.ms-excel|octet-stream)$)/;

/** Cell text from whatever an XLSX cell holds: text, number, date, formula result, rich text, link. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A spreadsheet shows 15 significant digits; beyond is binary noise (0.1 + 0.2).
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The sizes an XLSX's zip directory declares, summed; undefined when it is no zip at all. */
function unpackedSize(buffer: Buffer): number | undefined {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) return undefined;
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const size = buffer.readUInt32LE(offset + 24);
    // 0xFFFFFFFF: a zip64 entry of 4 GB or more.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return total;
}

// Unpacked, a workbook takes about ten times its XML in memory: one at a time per process.
let xlsxTurn: Promise<unknown> = Promise.resolve();

async function readXlsx(buffer: Buffer, limits: SheetLimits): Promise<string[][]> {
  const size = unpackedSize(buffer);
  if (size === undefined) {
    throw new SheetReadError('unreadable', 'The XLSX file is damaged or incomplete: its zip directory cannot be read');
  }
  if (size > limits.maxUnpackedBytes) {
    const [mb, limitMb] = [Math.ceil(size / 2 ** 20), limits.maxUnpackedBytes / 2 ** 20];
    throw new SheetReadError('too_large', `Unpacked, the XLSX file would take ${mb} MB; at most ${limitMb} MB`, {
      limitBytes: limits.maxUnpackedBytes,
    });
  }
  const load = xlsxTurn.then(async () => {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new SheetReadError('unreadable', `The XLSX file cannot be read: ${(e as Error).message}`);
    }
    if (!workbook.worksheets.length) {
      throw new SheetReadError('unreadable', 'The file is a zip but not an XLSX workbook: it has no worksheet');
    }
    // The first visible sheet with something on it (a hidden one holds lookup lists, usually).
    const filled = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
    const sheet = filled.find((ws) => ws.state === 'visible') ?? filled[0];
    if (!sheet) return [];
    if (sheet.actualRowCount > limits.maxRows + 1) throw tooManyRows(sheet.actualRowCount - 1, limits);
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as ExcelJS.CellValue[];
      rows[row.number - 1] = values.slice(1).map((v) => cellText(v));
    });
    return Array.from(rows, (cells) => cells ?? []);
  });
  xlsxTurn = load.catch(() => undefined);
  return load;
}

function decodeText(buffer: Buffer): string {
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buffer);
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = new TextDecoder('utf-16be').decode(buffer);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      // Excel on a Chinese Windows saves "CSV" in GBK, which GB18030 contains.
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(buffer);
      } catch {
        throw new SheetReadError(
          'unsupported_encoding',
          'The file is neither UTF-8 nor GB18030/GBK text: save it as "CSV UTF-8" and upload it again',
        );
      }
    }
  }
  if (text.includes('\u0000')) throw new SheetReadError('unreadable', 'The file is not text: it cannot be a CSV file');
  return text.replace(/^\uFEFF/, '');
}

/** The separator the header line uses most: comma, semicolon (European Excel) or tab. */
function delimiterOf(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(buffer: Buffer): string[][] {
  const text = decodeText(buffer);
  try {
    return parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new SheetReadError('unreadable', `The CSV file cannot be read${err.lines ? ` at line ${err.lines}` : ''}: ${err.message}`);
  }
}

function tooManyRows(rows: number, limits: SheetLimits): SheetReadError {
  return new SheetReadError('too_many_rows', `The file has ${rows} rows; one import takes at most ${limits.maxRows}: split the file`, {
    rows,
    limit: limits.maxRows,
  });
}

function formatOf(buffer: Buffer, fileName: string, mimeType: string): SheetFormat {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (buffer.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (buffer.subarray(0, 4).equals(OLE2)) {
    throw new SheetReadError('unsupported_format', 'Old Excel files (.xls, Excel 97-2003) cannot be read: save the sheet as .xlsx or .csv');
  }
  if (['xlsx', 'xlsm'].includes(extension)) throw new SheetReadError('unreadable', 'The XLSX file is damaged: it is not a zip archive');
  if (['csv', 'txt', 'tsv'].includes(extension) || (extension === '' && TEXT_TYPES.test(mimeType))) return 'csv';
  throw new SheetReadError('unsupported_format', `Only CSV and XLSX files can be imported, not ${extension ? `.${extension}` : 'this file'}`);
}

/** The first non-blank row is the header; blank rows after it are skipped but keep their numbers. */
export async function readSheet(
  file: { buffer: Buffer; fileName: string; mimeType: string },
  limits: SheetLimits,
): Promise<RawSheet> {
  if (file.buffer.length === 0) throw new SheetReadError('empty', 'The file is empty');
  const format = formatOf(file.buffer, file.fileName, file.mimeType);
  const grid = format === 'xlsx' ? await readXlsx(file.buffer, limits) : readCsv(file.buffer);
  const lines = grid.map((cells, i) => ({ row: i + 1, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (lines.length === 0) throw new SheetReadError('empty', 'The file has no rows');
  const [header, ...rows] = lines;
  if (rows.length === 0) throw new SheetReadError('empty', 'The file has a header row but no product rows');
  if (rows.length > limits.maxRows) throw tooManyRows(rows.length, limits);
  return { format, header: header.cells, rows };
}
