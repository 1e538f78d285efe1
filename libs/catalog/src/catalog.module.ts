import { Module } from '@nestjs/common';
import { ProductInputCheck } from './application/ports/product-input.check.js';
import { ProductImportRunner } from './application/product-import.runner.js';
import { ProductImportsService } from './application/product-imports.service.js';
import { ProductRowImporter } from './application/product-row.importer.js';
import { ProductsService } from './application/products.service.js';
import { ProductImportsController } from './http/product-imports.controller.js';
import { ProductDtoValidator } from './http/product-input.validator.js';
import { ProductsController } from './http/products.controller.js';

@Module({
  controllers: [ProductsController, ProductImportsController],
  providers: [
    ProductsService,
    ProductImportsService,
    ProductImportRunner,
    ProductRowImporter,
    { provide: ProductInputCheck, useClass: ProductDtoValidator },
  ],
  exports: [ProductsService],
})
export class CatalogModule {}
