import { Module } from '@nestjs/common';
import { InventoryModule } from '@oms/inventory';
import { ORDER_SAGA_HANDLERS } from './application/sagas/order-fulfilment.saga.js';
import { OrdersModule } from './orders.module.js';

/** The orders saga: approved orders allocated, allocations recorded, cancelled orders' stock released. */
@Module({ imports: [OrdersModule, InventoryModule], providers: [...ORDER_SAGA_HANDLERS] })
export class OrdersWorkerModule {}
