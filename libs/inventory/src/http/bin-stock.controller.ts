import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, parseListQuery } from '@oms/core';
import { BIN_STOCK, BinStockService } from '../application/bin-stock.service.js';
import { BinMoveDto, PutawayDto, TakeOutDto } from './dto/bin-stock.dto.js';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('bin-stock')
export class BinStockController {
  constructor(private readonly binStock: BinStockService) {}

  @Get()
  @Can('read', 'StockLevel')
  @ApiOperation({ summary: 'Stock per bin in walking order (simple-rest list; filter by warehouseId, binId, sku)' })
  list(@Query() query: Record<string, unknown>) {
    return this.binStock.list(parseListQuery(query, BIN_STOCK));
  }

  @Get(':id')
  @Can('read', 'StockLevel')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.binStock.get(id);
  }

  @Post('putaway')
  @Can('create', 'StockMovement')
  @ApiOperation({ summary: 'Put unbinned units away into a bin; on-hand does not change' })
  putaway(@Body() dto: PutawayDto) {
    return this.binStock.putaway(dto);
  }

  @Post('moves')
  @Can('create', 'StockMovement')
  @ApiOperation({ summary: 'Move units between two bins of one warehouse' })
  move(@Body() dto: BinMoveDto) {
    return this.binStock.move(dto);
  }

  @Post('take-outs')
  @Can('create', 'StockMovement')
  @ApiOperation({ summary: 'Take units out of a bin: they lie unbinned (staged for packing, or set aside)' })
  takeOut(@Body() dto: TakeOutDto) {
    return this.binStock.takeOut(dto);
  }
}
