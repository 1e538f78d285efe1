import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, UnitOfWork } from '@oms/core';
import { PRODUCT_IMPORTS, ProductImportsService } from '../application/product-imports.service.js';
import type { ProductSheet } from '../domain/product-sheet.rows.js';
import { FailedRowsQueryDto } from './dto/product-import.dto.js';
import { ImportFileInterceptor, ProductSheetPipe } from './product-sheet.pipe.js';

/** `attachment` with the name in UTF-8 (RFC 6266 / 5987) and a plain-ASCII fallback. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

// Importing creates and updates products, so it takes the right to create them; each row is
// then checked like an API call (updating an existing product also needs `update Product`).
@ApiTags('products')
@ApiBearerAuth()
@Controller('product-imports')
export class ProductImportsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly imports: ProductImportsService,
  ) {}

  @Post()
  @Can('create', 'Product')
  @HttpCode(202)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Import products from a CSV or XLSX file (upsert by SKU); 202 with the job, rows run in the background' })
  start(@UploadedFile(ProductSheetPipe) sheet: ProductSheet) {
    return this.imports.start(sheet);
  }

  @Get()
  @Can('create', 'Product')
  @ApiOperation({ summary: 'Import jobs (simple-rest list), newest first' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, PRODUCT_IMPORTS, parseListQuery(query, PRODUCT_IMPORTS));
  }

  @Get(':id')
  @Can('create', 'Product')
  @ApiOperation({ summary: 'An import job: progress, counts and the first row errors' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.imports.get(id);
  }

  @Get(':id/failed-rows')
  @Can('create', 'Product')
  @ApiOperation({ summary: 'The rows that failed, as CSV or XLSX, with an error column; fix and import again' })
  async failedRows(@Param('id', ParseUUIDPipe) id: string, @Query() query: FailedRowsQueryDto): Promise<StreamableFile> {
    const file = await this.imports.failedRowsFile(id, query.format ?? 'csv');
    return new StreamableFile(file.body, { type: file.contentType, disposition: attachment(file.fileName), length: file.body.length });
  }
}
