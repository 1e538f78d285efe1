import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, RecordBody, UnitOfWork } from '@oms/core';
import { WAREHOUSE_READ_ONLY, WAREHOUSES, WarehousesService } from '../application/warehouses.service.js';
import { CreateWarehouseDto, UpdateWarehouseDto } from './dto/warehouse.dto.js';

/**
 * Warehouses are deactivated, not deleted: stock, movements and orders keep pointing at them.
 */
@ApiTags('warehouses')
@ApiBearerAuth()
@Controller('warehouses')
export class WarehousesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly warehouses: WarehousesService,
  ) {}

  @Get()
  @Can('read', 'Warehouse')
  @ApiOperation({ summary: 'Warehouses (simple-rest list); warehouse staff see their own only' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, WAREHOUSES, parseListQuery(query, WAREHOUSES));
  }

  @Get(':id')
  @Can('read', 'Warehouse')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.warehouses.get(id);
  }

  @Post()
  @Can('create', 'Warehouse')
  create(@Body() dto: CreateWarehouseDto) {
    return this.warehouses.create(dto);
  }

  @Put(':id')
  @Can('update', 'Warehouse')
  update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateWarehouseDto, WAREHOUSE_READ_ONLY) dto: UpdateWarehouseDto) {
    return this.warehouses.update(id, dto);
  }
}
