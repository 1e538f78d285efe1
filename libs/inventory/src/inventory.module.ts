import { Module } from '@nestjs/common';
import { CatalogModule } from '@oms/catalog';
import { BinsService } from './application/bins.service.js';
import { ReservationsService } from './application/reservations.service.js';
import { StockService } from './application/stock.service.js';
import { WarehousesService } from './application/warehouses.service.js';
import { BinsController } from './http/bins.controller.js';
import { StockLevelsController, StockMovementsController, StockTransfersController } from './http/stock.controller.js';
import { WarehousesController } from './http/warehouses.controller.js';

@Module({
  imports: [CatalogModule],
  controllers: [WarehousesController, BinsController, StockLevelsController, StockMovementsController, StockTransfersController],
  providers: [WarehousesService, StockService, ReservationsService, BinsService],
  exports: [WarehousesService, StockService, ReservationsService],
})
export class InventoryModule {}
