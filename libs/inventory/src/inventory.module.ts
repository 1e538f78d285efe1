import { Module } from '@nestjs/common';
import { CatalogModule } from '@oms/catalog';
import { AllocationSettingsService } from './application/allocation-settings.service.js';
import { ALLOCATION_COMMAND_HANDLERS } from './application/allocation.commands.js';
import { AllocationService } from './application/allocation.service.js';
import { BinStockService } from './application/bin-stock.service.js';
import { StockQueries } from './application/stock-queries.js';
import { BinsService } from './application/bins.service.js';
import { ReservationsService } from './application/reservations.service.js';
import { StockService } from './application/stock.service.js';
import { StockReconciler } from './application/reconcile.job.js';
import { WarehousesService } from './application/warehouses.service.js';
import { AllocationSettingsController, AllocationsController, BackordersController } from './http/allocation.controller.js';
import { BinStockController } from './http/bin-stock.controller.js';
import { BinsController } from './http/bins.controller.js';
import { StockLevelsController, StockMovementsController, StockReconcileRunsController, StockTransfersController } from './http/stock.controller.js';
import { WarehousesController } from './http/warehouses.controller.js';

@Module({
  imports: [CatalogModule],
  controllers: [WarehousesController, BinsController, StockLevelsController, StockMovementsController, StockTransfersController, BinStockController,
    StockReconcileRunsController,     AllocationSettingsController, AllocationsController, BackordersController],
  providers: [WarehousesService, StockService, ReservationsService, BinsService, BinStockService, AllocationService,
    AllocationSettingsService, StockQueries, StockReconciler, ...ALLOCATION_COMMAND_HANDLERS],
  exports: [WarehousesService, StockService, ReservationsService, BinStockService, AllocationService, AllocationSettingsService, StockQueries, StockReconciler],
})
export class InventoryModule {}
