import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue, newId, OutboxService, UnitOfWork } from '@oms/core';
import { StockDriftDetected } from '../domain/stock-drift-detected.event.js';
import { StockService } from './stock.service.js';

export const RECONCILE_QUEUE = 'inventory.reconcile';
/** Every night at 03:00 (server time), when the warehouses are quiet. */
export const RECONCILE_CRON = '0 3 * * *';

/**
 * The nightly proof that stock has not drifted. Any drift is logged as an error and raised as
 * an `inventory.stock-drift-detected` event, which notifications turn into an alert.
 */
@Injectable()
export class ReconcileJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcileJob.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly stock: StockService,
    private readonly outbox: OutboxService,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(RECONCILE_QUEUE);
    await this.queue.boss.schedule(RECONCILE_QUEUE, RECONCILE_CRON, {}, { singletonKey: RECONCILE_QUEUE });
    await this.queue.boss.work(RECONCILE_QUEUE, async () => {
      await this.run();
    });
  }

  async run() {
    const report = await this.stock.reconcile();
    if (report.drift.length || report.binDrift.length) {
      this.logger.error({ drift: report.drift.length, binDrift: report.binDrift.length, levels: report.levels }, 'Stock drift detected');
      await this.uow.run(() =>
        this.outbox.append([
          new StockDriftDetected('inventory', newId(), {
            checkedAt: new Date(report.checkedAt).toISOString(),
            levels: report.levels,
            drift: report.drift,
            binDrift: report.binDrift,
          }),
        ]),
      );
    }
    return report;
  }
}
