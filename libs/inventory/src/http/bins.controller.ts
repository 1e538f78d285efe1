import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, parseListQuery, RecordBody } from '@oms/core';
import { BIN_READ_ONLY, BINS, BinsService } from '../application/bins.service.js';
import { CreateBinDto, UpdateBinDto } from './dto/bin.dto.js';

@ApiTags('warehouses')
@ApiBearerAuth()
@Controller('bins')
export class BinsController {
  constructor(private readonly bins: BinsService) {}

  @Get()
  @Can('read', 'Warehouse')
  @ApiOperation({ summary: 'Bins of physical warehouses in walking order (simple-rest list; filter by warehouseId)' })
  list(@Query() query: Record<string, unknown>) {
    return this.bins.list(parseListQuery(query, BINS));
  }

  @Get(':id')
  @Can('read', 'Warehouse')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.bins.get(id);
  }

  @Post()
  @Can('update', 'Warehouse')
  create(@Body() dto: CreateBinDto) {
    return this.bins.create(dto);
  }

  @Put(':id')
  @Can('update', 'Warehouse')
  update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateBinDto, BIN_READ_ONLY) dto: UpdateBinDto) {
    return this.bins.update(id, dto);
  }
}
