import { Module } from '@nestjs/common';
import { CatalogModule } from '@oms/catalog';
import { InventoryModule } from '@oms/inventory';
import { ORDER_COMMAND_HANDLERS } from './application/commands/order-command.handlers.js';
import { Customers } from './application/customers.js';
import { OrderAuditService } from './application/order-audit.service.js';
import { OrderSettingsService } from './application/order-settings.service.js';
import { OrderQueries } from './application/order.queries.js';
import { OrdersService } from './application/orders.service.js';
import { OrderRepository } from './application/ports/order.repository.js';
import { CustomersController } from './http/customers.controller.js';
import { OrderSettingsController } from './http/order-settings.controller.js';
import { OrdersController } from './http/orders.controller.js';
import { SqlOrderRepository } from './infrastructure/sql-order.repository.js';

@Module({
  imports: [CatalogModule, InventoryModule],
  controllers: [OrdersController, OrderSettingsController, CustomersController],
  providers: [OrdersService, ...ORDER_COMMAND_HANDLERS, OrderQueries, OrderAuditService, OrderSettingsService, Customers, { provide: OrderRepository, useClass: SqlOrderRepository }],
  exports: [OrdersService, OrderQueries, OrderRepository],
})
export class OrdersModule {}
