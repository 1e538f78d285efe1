import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, RecordBody, UnitOfWork } from '@oms/core';
import { PRODUCT_READ_ONLY, PRODUCTS, ProductsService } from '../application/products.service.js';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto.js';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
  ) {}

  @Get()
  @Can('read', 'Product')
  @ApiOperation({ summary: 'The catalogue (simple-rest list); q searches SKU, name and barcodes' })
  @ApiQuery({ name: 'filter', required: false, example: '{"q":"T恤","active":true}' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, PRODUCTS, parseListQuery(query, PRODUCTS));
  }

  @Get(':id')
  @Can('read', 'Product')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.products.get(id);
  }

  @Post()
  @Can('create', 'Product')
  create(@Body() dto: CreateProductDto) {
    return this.products.create(dto);
  }

  @Put(':id')
  @Can('update', 'Product')
  @ApiOperation({ summary: 'Edit a product; send the record as read, read-only fields are ignored' })
  update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateProductDto, PRODUCT_READ_ONLY) dto: UpdateProductDto) {
    return this.products.update(id, dto);
  }

  @Delete(':id')
  @Can('delete', 'Product')
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.products.remove(id);
  }
}
