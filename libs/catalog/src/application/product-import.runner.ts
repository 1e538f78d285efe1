import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RequestContext, type RequestContextData, UnitOfWork } from '@oms/core';
import { ImportsBusyError } from '../domain/catalog.errors.js';
import type { ProductSheet } from '../domain/product-sheet.rows.js';
import {
  type BatchResult,
  claimImport,
  failAbandonedImports,
  finishImport,
  recordBatch,
  touchImports,
} from '../infrastructure/product-import.store.js';
import { ProductRowImporter } from './product-row.importer.js';

/** Imports one process works on at once; the others wait their turn. */
const MAX_RUNNING = 2;
/** Waiting imports hold their parsed file in memory: beyond this many, an upload is refused (429). */
const MAX_WAITING = 5;
/** Rows between two progress updates (which are also the job's heartbeat). */
export const BATCH_SIZE = 100;
/** How often this process vouches for its jobs and looks for abandoned ones. */
const TICK_MS = 30_000;
/** An unfinished job nobody has vouched for in this long lost its process. */
export const ABANDONED_AFTER_SECONDS = 120;

export const INTERRUPTED =
  'The server stopped while this import was running. The rows before the stop were imported; upload the file again ' +
  'to import the rest (rows already imported then count as unchanged).';
const CRASHED = 'The import stopped on an unexpected error; the rows before it were imported. Upload the file again to retry.';

interface Pending {
  id: string;
  sheet: ProductSheet;
  /** The uploader's request: their permissions apply to every row, and audit entries name them. */
  context: RequestContextData | undefined;
}

/**
 * Runs imports in the background of the API process, batch by batch, each row in its own
 * transaction. A job records a heartbeat with every batch (and every tick while it waits);
 * one whose process died is failed by the next sweep of any API process, at start-up and
 * every tick after, so no job stays `running` for ever. Jobs are not resumed: the file is
 * not kept, and importing it again is safe because rows are upserted by SKU.
 */
@Injectable()
export class ProductImportRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProductImportRunner.name);
  private readonly waiting: Pending[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly rows: ProductRowImporter,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    const never = this.waiting.splice(0);
    for (const job of never) await finishImport(this.uow.manager, job.id, 'failed', INTERRUPTED).catch(() => undefined);
    await Promise.all(this.running.values());
  }

  /** Refuses an upload this process would have to hold too long. */
  assertCanAccept(): void {
    if (this.waiting.length >= MAX_WAITING) throw new ImportsBusyError(this.waiting.length);
  }

  enqueue(id: string, sheet: ProductSheet, context: RequestContextData | undefined): void {
    this.waiting.push({ id, sheet, context });
    this.next();
  }

  /** Fails the unfinished jobs of processes that are gone; returns their ids. */
  sweep(): Promise<string[]> {
    return failAbandonedImports(this.uow.manager, ABANDONED_AFTER_SECONDS, INTERRUPTED);
  }

  private async tick(): Promise<void> {
    try {
      await touchImports(this.uow.manager, [...this.running.keys(), ...this.waiting.map((j) => j.id)]);
      const failed = await this.sweep();
      if (failed.length) this.logger.warn({ imports: failed }, 'Failed product imports whose process stopped');
    } catch (err) {
      this.logger.error({ err }, 'Product import heartbeat failed');
    }
  }

  private next(): void {
    while (!this.stopping && this.running.size < MAX_RUNNING && this.waiting.length) {
      const job = this.waiting.shift()!;
      // Each job runs as its own uploader, whichever job's end started it. (Outside a request
      // there is no uploader, and the rows run on the system's own authority.)
      const run = RequestContext.run(job.context as RequestContextData, () => this.process(job)).finally(() => {
        this.running.delete(job.id);
        this.next();
      });
      this.running.set(job.id, run);
    }
  }

  private async process({ id, sheet }: Pending): Promise<void> {
    try {
      if (!(await claimImport(this.uow.manager, id))) return;
      for (let start = 0; start < sheet.rows.length; start += BATCH_SIZE) {
        if (this.stopping) {
          await finishImport(this.uow.manager, id, 'failed', INTERRUPTED);
          return;
        }
        const batch: BatchResult = { processed: 0, created: 0, updated: 0, unchanged: 0, failures: [] };
        for (const row of sheet.rows.slice(start, start + BATCH_SIZE)) {
          const result = await this.rows.import(row, sheet.layout);
          batch.processed += 1;
          if (result.outcome !== 'failed') batch[result.outcome] += 1;
          else {
            batch.failures.push({
              row: row.row,
              cells: sheet.header.map((_, i) => row.cells[i] ?? ''),
              errors: result.errors.map(({ row: _row, ...error }) => error),
            });
          }
        }
        await this.uow.run((m) => recordBatch(m, id, batch));
      }
      await finishImport(this.uow.manager, id, 'done');
    } catch (err) {
      this.logger.error({ err, importId: id }, 'Product import stopped on an unexpected error');
      await finishImport(this.uow.manager, id, 'failed', CRASHED).catch(() => undefined);
    }
  }
}
