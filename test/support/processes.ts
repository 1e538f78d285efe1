import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_JWT_SECRET } from './app.js';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
export const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/src/main.js');

export function requireBuild(): void {
  if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) {
    throw new Error('The system is not built: npm test builds it first (npm run build)');
  }
}

export interface Proc {
  child: ChildProcess;
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs one of the built entry points as a real process. */
export function runNode(main: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    listeners.forEach((l) => l());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolvePromise(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`Timed out waiting for ${pattern} in:\n${out.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        exit.then(() => setTimeout(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`Process exited before ${pattern}:\n${out.slice(-3000)}`));
          }
        }, 50));
        check();
      });
    },
    exited: () => exit,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/** A worker process on a given database. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): Proc {
  return runNode(WORKER_MAIN, { DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, ...env });
}

export interface RunningSystem {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  dataDir: string;
  proc: Proc;
  stop(): Promise<number | null>;
}

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oms-data-'));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * The whole system as `npm start` runs it (api + worker, embedded PostgreSQL) on a data
 * directory of its own and a free port.
 */
export async function startSystem(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningSystem> {
  requireBuild();
  const dataDir = options.dataDir ?? tempDataDir();
  const adminEmail = 'admin@oms.local';
  const adminPassword = 'system-test-password';
  const proc = runNode(API_MAIN, {
    OMS_DATA_DIR: dataDir,
    PORT: '0',
    OMS_ADMIN_EMAIL: adminEmail,
    OMS_ADMIN_PASSWORD: adminPassword,
    ...options.env,
  });
  const [, baseUrl] = await proc.waitFor(/OMS is running: (http:\/\/localhost:\d+)\/admin\//, 90_000);
  return { baseUrl, adminEmail, adminPassword, dataDir, proc, stop: () => proc.kill('SIGINT') };
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
