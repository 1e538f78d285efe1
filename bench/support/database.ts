import { startEmbeddedPostgres } from '@oms/core';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  /** Where the run happens, for the report (no password). */
  where: string;
  /** Drops what the run created: the database, or the whole embedded server and its files. */
  dispose(): Promise<void>;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withoutPassword(url: URL): string {
  const copy = new URL(url.toString());
  copy.password = '';
  copy.username = '';
  return copy.toString();
}

/**
 * A fresh, empty database for one run: a new `oms_bench_<random>` database on the server of
 * DATABASE_URL when it is set, otherwise a throwaway embedded PostgreSQL under the OS temp dir.
 */
export async function openBenchDatabase(log: (m: string) => void = () => {}): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `oms_bench_${randomBytes(6).toString('hex')}`;
    await withClient(external, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(external);
    url.pathname = `/${name}`;
    let dropped = false;
    return {
      url: url.toString(),
      where: `DATABASE_URL server, database ${withoutPassword(url)}`,
      dispose: async () => {
        if (dropped) return;
        dropped = true;
        await withClient(external, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'oms-bench-'));
  // As root the server runs as the `postgres` user, which must reach its data dir.
  chmodSync(dir, 0o755);
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  let server;
  try {
    server = await startEmbeddedPostgres(dir, log);
  } catch (e) {
    removeDir();
    throw e;
  }
  const embedded = server;
  let stopped = false;
  return {
    url: embedded.url,
    where: `embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${dir}`,
    dispose: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await embedded.stop();
      } finally {
        removeDir();
      }
    },
  };
}
