import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { OutboxService } from '@oms/core';
import { BackorderFillContinues, BackordersWaiting, StockArrived } from '../domain/allocation/allocation.events.js';
import { AllocationService } from './allocation.service.js';

type Trigger = StockArrived | BackordersWaiting | BackorderFillContinues;

/**
 * Stock arrived (or an order started waiting for stock that may already be there): the orders
 * waiting for it get it, oldest paid first. Each delivery tries one order (in the delivery's
 * transaction) and, while stock is left, hands the rest of the run to a follow-up event, so no
 * transaction ever locks the stock of two orders.
 */
@EventsHandler(StockArrived, BackordersWaiting, BackorderFillContinues)
export class FillBackordersOnStockArrival implements IEventHandler<Trigger> {
  constructor(
    private readonly allocation: AllocationService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(event: Trigger): Promise<void> {
    const { productId, sku } = event.payload;
    if (event instanceof BackordersWaiting && (await this.allocation.availableOf(productId)) <= 0) return;
    const after = 'after' in event.payload ? event.payload.after : undefined;
    const step = await this.allocation.fillNextBackorder(productId, after);
    if (!step || !step.stockLeft) return;
    await this.outbox.append([new BackorderFillContinues('product', productId, { productId, sku, after: step.tried })]);
  }
}
