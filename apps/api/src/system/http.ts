import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { assignRequestId } from '@oms/core';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adminDist } from './paths.js';

/** Everything about the HTTP surface that is not a controller. */
export function configureHttp(app: NestExpressApplication): void {
  app.use(assignRequestId);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.enableCors({ exposedHeaders: ['Content-Range', 'X-Request-Id'] });
  app.useBodyParser('json', { limit: '1mb' });

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OMS API')
      .setDescription('Order management system REST API (react-admin simple-rest protocol for resources)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  const admin = adminDist();
  if (existsSync(join(admin, 'index.html'))) {
    app.use('/admin', express.static(admin, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes of the admin panel all load its index page.
    app.use(/^\/admin(\/.*)?$/, (_req: express.Request, res: express.Response) => res.sendFile(join(admin, 'index.html')));
    app.use(/^\/$/, (_req: express.Request, res: express.Response) => res.redirect('/admin/'));
  }
}
