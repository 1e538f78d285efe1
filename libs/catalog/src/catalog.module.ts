import { Module } from '@nestjs/common';
import { ProductsService } from './application/products.service.js';
import { ProductsController } from './http/products.controller.js';

@Module({
  controllers: [ProductsController],
  providers: [ProductsService],
  exports: [ProductsService],
})
export class CatalogModule {}
