import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue, newId, OutboxService, RequestContext, type ResourceDefinition, UnitOfWork } from '@oms/core';
import { StockDriftDetected } from '../domain/stock-drift-detected.event.js';
import { StockService } from './stock.service.js';

export const RECONCILE_QUEUE = 'inventory.reconcile';
/** Every night at 03:00 (server time), when the warehouses are quiet. */
export const RECONCILE_CRON = '0 3 * * *';

/** The stock checks that ran, newest first, each with what it found. */
export const RECONCILE_RUNS: ResourceDefinition = {
  resource: 'stock-reconcile-runs',
  from: 'stock_reconcile_run r',
  idColumn: 'r.id',
  fields: {
    id: 'r.id',
    checkedAt: 'r.checked_at',
    trigger: 'r.trigger',
    actorId: 'r.actor_id',
    levels: 'r.levels',
    driftCount: 'r.drift_count',
    binDriftCount: 'r.bin_drift_count',
    drift: 'r.drift',
    binDrift: 'r.bin_drift',
  },
  sortable: ['checkedAt'],
  columnTypes: { id: 'uuid', checkedAt: 'timestamptz', trigger: 'text' },
  filters: {
    trigger: { kind: 'eq', column: 'r.trigger', values: ['nightly', 'manual'] },
    hasDrift: { kind: 'bool', column: '(r.drift_count + r.bin_drift_count > 0)' },
  },
  defaultSort: ['checkedAt', 'DESC'],
};

/**
 * The proof that stock has not drifted, every night and whenever staff ask for it from the stock
 * screen. Each check is kept with what it found; drift is also logged as an error and raised as
 * an `inventory.stock-drift-detected` event, which notifications turn into a message.
 */
@Injectable()
export class StockReconciler {
  private readonly logger = new Logger(StockReconciler.name);

  constructor(
    private readonly stock: StockService,
    private readonly outbox: OutboxService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Checks every level and bin, keeps the result, and raises the alert when anything drifted. */
  async run(trigger: 'nightly' | 'manual' = 'nightly') {
    const report = await this.stock.reconcile();
    const id = newId();
    const checkedAt = new Date(report.checkedAt).toISOString();
    const drifted = report.drift.length + report.binDrift.length > 0;
    if (drifted) {
      this.logger.error({ drift: report.drift.length, binDrift: report.binDrift.length, levels: report.levels, trigger }, 'Stock drift detected');
    }
    await this.uow.run(async (m) => {
      await m.query(
        `INSERT INTO stock_reconcile_run (id, checked_at, trigger, actor_id, levels, drift_count, bin_drift_count, drift, bin_drift)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, checkedAt, trigger, RequestContext.current()?.user?.id ?? null, report.levels, report.drift.length, report.binDrift.length,
          JSON.stringify(report.drift), JSON.stringify(report.binDrift)],
      );
      if (drifted) {
        await this.outbox.append([
          new StockDriftDetected('inventory', id, { checkedAt, trigger, levels: report.levels, drift: report.drift, binDrift: report.binDrift }),
        ]);
      }
    });
    return { id, trigger, ...report };
  }
}

/** The nightly check, scheduled once across every worker (the job library's singleton schedule). */
@Injectable()
export class ReconcileJob implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly reconciler: StockReconciler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureQueue(RECONCILE_QUEUE);
    await this.queue.boss.schedule(RECONCILE_QUEUE, RECONCILE_CRON, {}, { singletonKey: RECONCILE_QUEUE });
    await this.queue.boss.work(RECONCILE_QUEUE, async () => {
      await this.run();
    });
  }

  run() {
    return this.reconciler.run('nightly');
  }
}
