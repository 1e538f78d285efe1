import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');
export interface JobQueueOptions {
  databaseUrl: string;
  /** Only worker processes run the job library's maintenance (expiry, archiving). */
  supervise: boolean;
}

/** Lets the job library write in our transaction, so a job is enqueued exactly when the change commits. */
export function inTransaction(manager: EntityManager): PgBoss.Db {
  const client = (manager.queryRunner as unknown as { databaseConnection?: { query: PgBoss.Db['executeSql'] } })
    ?.databaseConnection;
  if (!client) throw new Error('Jobs can only be enqueued inside a transaction');
  return { executeSql: (text, values) => client.query(text, values) };
}

/**
 * Durable jobs on PostgreSQL (pg-boss): retries with exponential backoff and safe
 * concurrent fetching (SKIP LOCKED) across any number of worker processes.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  readonly boss: PgBoss;
  private readonly queues = new Set<string>();

  /** Seconds a job may stay active before it is presumed lost and retried. */
  readonly timeoutSeconds: number;

  constructor(@Inject(JOB_QUEUE_OPTIONS) options: JobQueueOptions, @Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutSeconds = config.jobTimeoutSeconds;
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      application_name: 'oms-jobs',
      max: 5,
      supervise: options.supervise,
      // Cron schedules (nightly checks) are run by worker processes only.
      schedule: options.supervise,
      migrate: true,
      // Expired jobs (their worker died) are found by this sweep; keep it well inside the timeout.
      maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(config.jobTimeoutSeconds / 2))),
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'Job queue error'));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    // Processes starting together create queues at the same moment: creating one is DDL, which
    // can deadlock against another process's; the loser tries again.
    for (let attempt = 1; !(await this.boss.getQueue(name)); attempt++) {
      try {
        await this.boss.createQueue(name);
      } catch (e) {
        if (await this.boss.getQueue(name)) break; // another process created it
        if (attempt >= 5 || (e as { code?: string }).code !== '40P01') throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      }
    }
    this.queues.add(name);
  }
}
