import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { UserSeeder } from '@oms/access';
import { type AppConfig, loadConfig } from '@oms/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createSystem, type Role } from '../../apps/api/src/system/system.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  db: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), jwtSecret: TEST_JWT_SECRET };
}

/**
 * The real API (optionally with the worker in the same process) on a fresh database of its
 * own, with the first admin created, driven over HTTP with supertest.
 */
export async function bootTestApp(
  options: { roles?: Role[]; db?: TestDatabase; imports?: Type[] } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const config = testConfig();
  const app = (await createSystem({
    config,
    databaseUrl: db.url,
    roles: options.roles ?? ['api'],
    imports: options.imports,
  })) as NestExpressApplication;
  await app.init();
  await app.get(UserSeeder).ensureFirstAdmin(ADMIN.email, ADMIN.password);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}

/** A worker alone (relay + deliveries), in this process, on a given database. */
export async function bootTestWorker(db: TestDatabase): Promise<INestApplicationContext> {
  const ctx = await createSystem({ config: testConfig(), databaseUrl: db.url, roles: ['worker'] });
  await ctx.init();
  return ctx;
}

export async function login(http: TestAgent, email = ADMIN.email, password = ADMIN.password) {
  const res = await http.post('/api/auth/login').send({ email, password }).expect(200);
  return res.body as { accessToken: string; refreshToken: string; user: { id: string } };
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
