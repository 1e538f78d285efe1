import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { SheetFormat } from './spreadsheet-reader.js';

export const SHEET_CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Text a spreadsheet would run as a formula gets a quote in front (CSV injection); imports take it off again. */
const csvCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * A sheet of text cells under a header row, as CSV (UTF-8 with a byte-order mark, so Excel
 * reads Chinese right) or XLSX. Every cell is written as text: barcodes keep their leading
 * zeros and long codes are not shortened to 6.9E+12.
 */
export async function writeSheet(format: SheetFormat, header: string[], rows: string[][], sheetName: string): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(stringify([header, ...rows].map((r) => r.map(csvCell)), { bom: true }));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  header.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = Math.max(...[header, ...rows.slice(0, 200)].map((r) => (r[i] ?? '').length));
    column.width = Math.min(60, Math.max(10, longest + 2));
    column.numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
