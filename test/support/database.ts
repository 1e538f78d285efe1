import { runMigrations } from '@oms/core';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { ALL_MIGRATIONS } from '../../apps/api/src/system/migrations.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.OMS_TEST_ADMIN_URL;
  if (!url) throw new Error('OMS_TEST_ADMIN_URL is not set: run tests through jest (npm test)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_LOCK = 7_163_002;

/**
 * The migrated template of this run, built once by whichever test file gets here first:
 * built under another name, then renamed, so a clone never sees a half-migrated one.
 */
async function ensureTemplate(): Promise<string> {
  const template = `oms_tpl_${process.env.OMS_TEST_RUN}`;
  return withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return template;
      const building = `${template}_build`;
      await c.query(`DROP DATABASE IF EXISTS ${building}`);
      await c.query(`CREATE DATABASE ${building}`);
      await runMigrations(databaseUrl(building), ALL_MIGRATIONS);
      const boss = new PgBoss({ connectionString: databaseUrl(building), schema: 'pgboss', supervise: false, schedule: false });
      await boss.start();
      await boss.stop({ graceful: false, wait: true });
      await c.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      return template;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `oms_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A plain SQL client on a test database, for arranging and asserting state. */
export async function sqlClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
