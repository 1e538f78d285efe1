import { Module } from '@nestjs/common';
import { CatalogModule } from '@oms/catalog';
import { OrderQueries } from './application/order.queries.js';
import { OrdersService } from './application/orders.service.js';
import { OrderRepository } from './application/ports/order.repository.js';
import { OrdersController } from './http/orders.controller.js';
import { SqlOrderRepository } from './infrastructure/sql-order.repository.js';

@Module({
  imports: [CatalogModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderQueries, { provide: OrderRepository, useClass: SqlOrderRepository }],
  exports: [OrdersService, OrderQueries],
})
export class OrdersModule {}
