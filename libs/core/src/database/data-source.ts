import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

type MigrationClass = new () => MigrationInterface;

export function dataSourceOptions(
  url: string,
  migrations: MigrationClass[] = [],
  applicationName = 'oms',
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    migrations,
    applicationName,
    extra: { max: 10 },
  };
}

const MIGRATION_LOCK = 7_163_001;

/**
 * Applies pending migrations once, even when several processes start together: they queue
 * on an advisory lock. Each migration runs in its own transaction, so a crash mid-way
 * leaves nothing half-applied and the next start simply applies it again.
 */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url, migrations, 'oms-migrate'));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
