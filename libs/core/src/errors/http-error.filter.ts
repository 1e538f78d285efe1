import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  Optional,
} from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.js';
import { pgErrorCode } from '../database/unique-violation.js';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from './domain-error.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation.failed',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid',
  429: 'too_many_requests',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

/** The one place that turns anything thrown into the documented JSON error body. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(@Optional() private readonly audit?: AuditTrail) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = String(req.id ?? res.getHeader('X-Request-Id') ?? '');
    const body = this.toBody(exception, requestId);
    if (!(exception instanceof HttpException) && body.statusCode >= 500) {
      // A thrown HttpException (health's 503, say) is an answer chosen on purpose: the access
      // log line records it; only the unexpected deserves a stack trace.
      this.logger.error({ err: loggable(exception), requestId }, 'Unhandled error');
    }
    if (exception instanceof DomainError && exception.kind === 'forbidden') await this.recordDenial(exception, req);
    const retryAfter = (exception as DomainError)?.details?.retryAfterSeconds;
    if (!res.headersSent) {
      if (body.statusCode === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      res.status(body.statusCode).json(body);
    }
  }

  /**
   * A refusal found inside a handler (a forbidden field, say) rolled its transaction back;
   * it is logged here, afterwards, on its own. Refusals at the route are logged by the guard.
   */
  private async recordDenial(exception: DomainError, req: Request): Promise<void> {
    try {
      await this.audit?.record({
        action: 'access.denied',
        outcome: 'denied',
        details: { code: exception.code, method: req.method, path: req.originalUrl.split('?')[0], ...exception.details },
      });
    } catch (err) {
      this.logger.error({ err }, 'Could not record a refusal in the audit log');
    }
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      return {
        statusCode,
        error: reason(statusCode),
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        requestId,
      };
    }
    if (exception instanceof HttpException && (exception.cause as { type?: string })?.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: 'request.malformed_json',
        message: 'The request body is not valid JSON',
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const r = (typeof response === 'object' && response ? response : {}) as Record<string, unknown>;
      return {
        statusCode,
        error: reason(statusCode),
        code: typeof r.code === 'string' ? r.code : (CODE_BY_STATUS[statusCode] ?? 'error'),
        message: typeof r.message === 'string' ? r.message : exception.message,
        ...(r.details !== undefined ? { details: r.details } : {}),
        requestId,
      };
    }
    if (pgErrorCode(exception)?.startsWith('22')) {
      // PostgreSQL's "data exception" class: a value it cannot hold (a NUL in text, a date out
      // of range). The input was bad, whichever check should have caught it first.
      return {
        statusCode: 400,
        error: 'Bad Request',
        code: 'request.invalid_value',
        message: 'A value in the request cannot be stored (out of range or containing invalid characters)',
        requestId,
      };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'internal',
      message: 'Something went wrong; quote the request id when reporting it',
      requestId,
    };
  }
}

function reason(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** A query error carries the statement's parameters (new password hashes, say): never log them. */
function loggable(exception: unknown): unknown {
  if (!(exception instanceof Error)) return exception;
  const { parameters: _parameters, driverError: _driverError, ...rest } = exception as Error & Record<string, unknown>;
  return { ...rest, name: exception.name, message: exception.message, stack: exception.stack };
}
