import { type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, CoreModule } from '@oms/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '../../../worker/src/worker.module.js';
import { ApiModule } from '../api.module.js';
import { configureHttp } from './http.js';

export type Role = 'api' | 'worker';

export interface SystemOptions {
  config: AppConfig;
  databaseUrl: string;
  roles: readonly Role[];
  /** Further modules to load (tests add handlers of their own). */
  imports?: Type[];
}

function systemModule(options: SystemOptions): Type {
  const imports = [
    CoreModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, worker: options.roles.includes('worker') }),
    ...(options.roles.includes('api') ? [ApiModule] : []),
    ...(options.roles.includes('worker') ? [WorkerModule] : []),
    ...(options.imports ?? []),
  ];
  @Module({ imports })
  class SystemModule {}
  return SystemModule;
}

/**
 * Builds the Nest application for the given roles: an HTTP app when it serves the API
 * (with the worker inside it when asked), a plain context for a worker alone. Not started.
 */
export async function createSystem(options: SystemOptions): Promise<NestExpressApplication | INestApplicationContext> {
  const module = systemModule(options);
  if (options.roles.includes('api')) {
    const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.flushLogs();
    configureHttp(app);
    return app;
  }
  const ctx = await NestFactory.createApplicationContext(module, { bufferLogs: true });
  ctx.useLogger(ctx.get(Logger));
  ctx.flushLogs();
  return ctx;
}
