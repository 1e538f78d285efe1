import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { RequestContext } from '../auth/request-context.js';
import type { AppConfig } from '../config/config.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * First middleware of the HTTP app: gives the request its id (the caller's X-Request-Id when
 * sane) before anything can fail, so even a body that does not parse is answered with one,
 * and opens the request context the rest of the request runs in.
 */
export function assignRequestId(
  req: IncomingMessage & { id?: string; ip?: string },
  res: ServerResponse,
  next: () => void,
): void {
  const given = req.headers['x-request-id'];
  req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  const userAgent = req.headers['user-agent'];
  RequestContext.run(
    { requestId: req.id, ip: req.ip ?? req.socket?.remoteAddress, userAgent: userAgent?.slice(0, 500) },
    next,
  );
}

/** Structured JSON logs; every line written while serving a request carries its id. */
export function loggingModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? randomUUID(),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
        censor: '[redacted]',
      },
      // 503 is the health check saying "not ready", polled by load balancers: a warning, not an error.
      customLogLevel: (_req, res, err) =>
        err || (res.statusCode >= 500 && res.statusCode !== 503) ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    forRoutes: ['*path'],
  });
}
