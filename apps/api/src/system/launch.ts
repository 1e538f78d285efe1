import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { UserSeeder } from '@oms/access';
import {
  type AppConfig,
  ConfigError,
  type EmbeddedDatabase,
  loadConfig,
  loadOrCreateSecrets,
  runMigrations,
  startEmbeddedPostgres,
} from '@oms/core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { ALL_MIGRATIONS } from './migrations.js';
import { adminDist } from './paths.js';
import { createSystem, type Role } from './system.js';
import { seedDemoData } from './demo-data.js';

export function parseRoles(value: string | undefined): Role[] {
  const roles = (value ?? 'api,worker').split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.filter((r) => r !== 'api' && r !== 'worker');
  if (bad.length || roles.length === 0) {
    throw new ConfigError([{ variable: 'OMS_ROLES', message: 'must list api and/or worker, e.g. api,worker' }]);
  }
  return roles as Role[];
}

/**
 * Starts the system: configuration, the embedded PostgreSQL when no DATABASE_URL is given,
 * migrations, first admin and demo data, then the API and/or worker. Ctrl-C (or SIGTERM)
 * stops everything, PostgreSQL last.
 */
export async function launch(rolesSpec: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: AppConfig;
  let roles: Role[];
  try {
    roles = parseRoles(rolesSpec);
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = pino({ level: config.logLevel, base: { process: roles.join('+') } });
  let embedded: EmbeddedDatabase | undefined;
  let app: NestExpressApplication | INestApplicationContext | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn('Forced exit');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'Shutting down');
    await app?.close().catch((err) => log.debug({ err }, 'Error while closing'));
    await embedded?.stop().catch((err) => log.debug({ err }, 'Error while stopping PostgreSQL'));
    log.info('Stopped');
    process.exit(0);
  };
  // The embedded server package installs its own exit hooks, which would stop PostgreSQL
  // under the still-running app and exit with 130; the order here is ours: app, then database.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dataDir = resolve(config.dataDir);
    embedded = await startEmbeddedPostgres(dataDir, (m) => log.debug({ postgres: m }));
    databaseUrl = embedded.url;
    config = { ...config, dataDir, jwtSecret: config.jwtSecret ?? loadOrCreateSecrets(dataDir).jwtSecret };
    log.info({ port: embedded.port, dataDir }, embedded.shared ? 'Using the running embedded PostgreSQL' : 'Embedded PostgreSQL started');
  }

  const applied = await runMigrations(databaseUrl, ALL_MIGRATIONS);
  if (applied.length) log.info({ migrations: applied }, 'Migrations applied');

  app = await createSystem({ config, databaseUrl, roles });
  const banner: string[] = [];
  if (roles.includes('api')) {
    const seeder = app.get(UserSeeder);
    const admin = await seeder.ensureFirstAdmin(config.adminEmail, config.adminPassword);
    const http = app as NestExpressApplication;
    // Demo orders go through the same commands (and the worker's sagas) as real ones.
    await http.init();
    if (admin.created && config.seedDemo) banner.push(...(await seedDemoData(app)));
    await http.listen(config.port, '0.0.0.0');
    const url = `http://localhost:${(http.getHttpServer().address() as { port: number }).port}`;
    if (!existsSync(join(adminDist(), 'index.html'))) {
      log.warn('The admin panel is not built: run `npm run build:admin` (npm start does it for you)');
    }
    banner.unshift(
      `OMS is running: ${url}/admin/  (API ${url}/api, docs ${url}/api/docs, health ${url}/health)`,
      admin.generatedPassword
        ? `Sign in as ${admin.email} with the generated password ${admin.generatedPassword} (shown only this once)`
        : `Sign in as ${config.adminEmail}` + (admin.created ? ' with OMS_ADMIN_PASSWORD' : ' with your password'),
    );
  } else {
    await app.init();
    banner.push('OMS worker is running');
  }
  console.log('\n' + banner.map((l) => `  ${l}`).join('\n') + '\n');
}
