import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { OutboxService } from '@oms/core';
import { BackorderFillContinues, StockArrived } from '../domain/allocation/allocation.events.js';
import { AllocationService } from './allocation.service.js';

/**
 * Stock arrived: the orders waiting for it get it, oldest paid first. Each delivery tries one
 * order (in the delivery's transaction) and, while stock is left, hands the rest of the run to
 * a follow-up event, so no transaction ever locks the stock of two orders.
 */
@EventsHandler(StockArrived, BackorderFillContinues)
export class FillBackordersOnStockArrival implements IEventHandler<StockArrived | BackorderFillContinues> {
  constructor(
    private readonly allocation: AllocationService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(event: StockArrived | BackorderFillContinues): Promise<void> {
    const { productId, sku } = event.payload;
    const after = 'after' in event.payload ? event.payload.after : undefined;
    const step = await this.allocation.fillNextBackorder(productId, after);
    if (!step || !step.stockLeft) return;
    await this.outbox.append([new BackorderFillContinues('product', productId, { productId, sku, after: step.tried })]);
  }
}
