import { Module } from '@nestjs/common';
import { AccessModule } from '@oms/access';
import { CatalogModule } from '@oms/catalog';
import { InventoryModule } from '@oms/inventory';
import { OrdersModule } from '@oms/orders';
import { CoreHttpModule } from '@oms/core';

/** The HTTP side: REST for the admin panel, auth, health, docs. */
@Module({ imports: [CoreHttpModule, AccessModule, CatalogModule, InventoryModule, OrdersModule] })
export class ApiModule {}
