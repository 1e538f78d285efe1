import { Module } from '@nestjs/common';
import { WarehousesService } from './application/warehouses.service.js';
import { WarehousesController } from './http/warehouses.controller.js';

@Module({
  controllers: [WarehousesController],
  providers: [WarehousesService],
  exports: [WarehousesService],
})
export class InventoryModule {}
