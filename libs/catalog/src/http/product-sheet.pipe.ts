import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
  type PipeTransform,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { resolveColumns } from '../domain/product-sheet.columns.js';
import { parseRows, type ProductSheet } from '../domain/product-sheet.rows.js';
import { readSheet, SheetReadError, type SheetReadProblem } from '../infrastructure/spreadsheet-reader.js';

/** What one import file may be. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 2 ** 20,
  maxRows: 50_000,
  maxUnpackedBytes: 100 * 2 ** 20,
} as const;

/** The parts of multer's file this pipe reads. */
export interface UploadedSheetFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const STATUS: Record<SheetReadProblem, [HttpStatus, string]> = {
  empty: [HttpStatus.BAD_REQUEST, 'product_imports.empty_file'],
  unreadable: [HttpStatus.BAD_REQUEST, 'product_imports.unreadable_file'],
  unsupported_encoding: [HttpStatus.BAD_REQUEST, 'product_imports.unsupported_encoding'],
  unsupported_format: [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'product_imports.unsupported_format'],
  too_many_rows: [HttpStatus.PAYLOAD_TOO_LARGE, 'product_imports.too_many_rows'],
  too_large: [HttpStatus.PAYLOAD_TOO_LARGE, 'product_imports.file_too_large'],
};

const Multer = FileInterceptor('file', {
  limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5 },
  // Browsers send the file name as raw UTF-8: 商品.xlsx, not mojibake.
  defParamCharset: 'utf8',
});

/** Receives the multipart field `file` into memory, and says plainly when it is too big or misnamed. */
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      if (e.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
        const body = {
          code: 'product_imports.file_too_large',
          message: `The file is larger than ${IMPORT_LIMITS.maxBytes / 2 ** 20} MB: split it`,
          details: { limitBytes: IMPORT_LIMITS.maxBytes },
        };
        throw new HttpException(body, HttpStatus.PAYLOAD_TOO_LARGE);
      }
      throw new BadRequestException({
        code: 'product_imports.bad_upload',
        message: `The upload cannot be read: ${e.message}. Send one file in the multipart field "file"`,
      });
    }
  }
}

/**
 * The uploaded file read as a product sheet: a CSV or XLSX whose header names a `sku` column,
 * each row's cells read into product values. What is wrong with the file as a whole is a 4xx
 * here; what is wrong with a row is that row's report, later.
 */
@Injectable()
export class ProductSheetPipe implements PipeTransform<UploadedSheetFile | undefined, Promise<ProductSheet>> {
  async transform(file: UploadedSheetFile | undefined): Promise<ProductSheet> {
    if (!file?.buffer) {
      throw new BadRequestException({
        code: 'product_imports.file_missing',
        message: 'Attach a CSV or XLSX file as the multipart field "file"',
      });
    }
    const fileName = file.originalname.split(/[\\/]/).pop()?.slice(0, 200) || 'products';
    let raw;
    try {
      raw = await readSheet({ buffer: file.buffer, fileName, mimeType: file.mimetype }, IMPORT_LIMITS);
    } catch (e) {
      if (!(e instanceof SheetReadError)) throw e;
      const [status, code] = STATUS[e.problem];
      throw new HttpException({ code, message: e.message, ...(e.details ? { details: e.details } : {}) }, status);
    }
    const width = raw.rows.reduce((most, r) => Math.max(most, r.cells.length), raw.header.length);
    const header = Array.from({ length: width }, (_, i) => raw.header[i] ?? '');
    const resolved = resolveColumns(header, (i) => raw.rows.some((r) => (r.cells[i] ?? '').trim() !== ''));
    if ('problem' in resolved) throw new BadRequestException(resolved.problem);
    return { fileName, format: raw.format, header, layout: resolved.layout, rows: parseRows(resolved.layout, raw.rows) };
  }
}
