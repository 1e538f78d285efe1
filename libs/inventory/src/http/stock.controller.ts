import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, InvalidInputError, listResource, parseListQuery, RecordBody, requireResource, UnitOfWork } from '@oms/core';
import { RECONCILE_RUNS, StockReconciler } from '../application/reconcile.job.js';
import { STOCK_LEVELS, STOCK_MOVEMENTS, StockService } from '../application/stock.service.js';
import { CreateStockMovementDto, CreateStockTransferDto, UpdateStockLevelDto } from './dto/stock-movement.dto.js';

const LEVEL_READ_ONLY = Object.keys(STOCK_LEVELS.fields).filter((f) => f !== 'lowStockThreshold');

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock-levels')
export class StockLevelsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly stock: StockService,
    private readonly reconciler: StockReconciler,
  ) {}

  @Get()
  @Can('read', 'StockLevel')
  @ApiOperation({ summary: 'Stock per SKU and warehouse: on hand, reserved, available (simple-rest list)' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, STOCK_LEVELS, parseListQuery(query, STOCK_LEVELS));
  }

  @Get('reconcile')
  @Can('configure', 'StockLevel')
  @ApiOperation({ summary: 'Proves on-hand = ledger sum and reserved = open reservations for every level; lists any drift' })
  reconcile() {
    return this.stock.reconcile();
  }

  @Post('reconcile')
  @Can('configure', 'StockLevel')
  @ApiOperation({ summary: 'Runs the stock check now and keeps its result with the nightly ones; drift raises the alert' })
  reconcileNow() {
    return this.reconciler.run('manual');
  }

  @Get(':id')
  @Can('read', 'StockLevel')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return requireResource(this.uow.manager, STOCK_LEVELS, id, 'Stock level');
  }

  @Put(':id')
  @Can('update', 'StockLevel')
  @ApiOperation({ summary: 'Set the low-stock threshold; quantities change only through movements' })
  async update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateStockLevelDto, LEVEL_READ_ONLY) dto: UpdateStockLevelDto) {
    if (dto.lowStockThreshold === undefined) return this.get(id);
    return this.stock.setThreshold(id, dto.lowStockThreshold);
  }
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock-movements')
export class StockMovementsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly stock: StockService,
  ) {}

  @Get()
  @Can('read', 'StockMovement')
  @ApiOperation({ summary: 'The append-only stock ledger (simple-rest list)' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, STOCK_MOVEMENTS, parseListQuery(query, STOCK_MOVEMENTS));
  }

  @Get(':id')
  @Can('read', 'StockMovement')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return requireResource(this.uow.manager, STOCK_MOVEMENTS, id, 'Stock movement');
  }

  @Post()
  @Can('create', 'StockMovement')
  @ApiOperation({ summary: 'Receive stock or adjust it by hand; the level and the ledger change together' })
  create(@Body() dto: CreateStockMovementDto) {
    if (dto.type === 'receipt' && dto.quantity < 0) {
      throw new InvalidInputError('A receipt adds stock', [{ field: 'quantity', message: 'must be positive for a receipt' }]);
    }
    return this.stock.record(dto);
  }
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock-transfers')
export class StockTransfersController {
  constructor(private readonly stock: StockService) {}

  @Post()
  @Can('create', 'StockMovement')
  @ApiOperation({ summary: 'Move stock between two physical or third-party warehouses (transfer_out + transfer_in, one transaction)' })
  create(@Body() dto: CreateStockTransferDto) {
    return this.stock.transfer(dto);
  }
}

@ApiTags('stock')
@ApiBearerAuth()
@Controller('stock-reconcile-runs')
export class StockReconcileRunsController {
  constructor(private readonly uow: UnitOfWork) {}

  @Get()
  @Can('configure', 'StockLevel')
  @ApiOperation({ summary: 'The stock checks that ran (nightly and on request), newest first, with any drift they found' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, RECONCILE_RUNS, parseListQuery(query, RECONCILE_RUNS));
  }

  @Get(':id')
  @Can('configure', 'StockLevel')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return requireResource(this.uow.manager, RECONCILE_RUNS, id, 'Stock check');
  }
}
