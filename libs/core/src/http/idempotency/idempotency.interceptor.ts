import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { DomainError } from '../../errors/domain-error.js';

const IDEMPOTENT = Symbol('oms:idempotent');

/** The route honours an `Idempotency-Key` header: the same request twice gives the first answer and one effect. */
export const Idempotent = (): MethodDecorator => SetMetadata(IDEMPOTENT, true);

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('request.idempotency_key_reused', 'invalid', 'This Idempotency-Key was already used for a different request', {
      fields: [{ field: 'Idempotency-Key', message: 'was used for another request' }],
    });
  }
}

/**
 * Runs an idempotent route inside one transaction with its key: the key's row is claimed first
 * (a concurrent repeat waits for it), the answer is stored with the change, so a retry after a
 * lost answer gets the stored one and the change happens once. A failed request stores nothing
 * and can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly uow: UnitOfWork,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; method: string; path: string; body: unknown; user?: { id?: string } }>();
    const key = req.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (!key || key.length > 200) {
      throw new BadRequestException({ code: 'validation.failed', message: 'Idempotency-Key must be 1-200 characters', details: { fields: [{ field: 'Idempotency-Key', message: 'must be 1-200 characters' }] } });
    }
    const res = context.switchToHttp().getResponse<{ status(code: number): unknown }>();
    const status: number = this.reflector.get(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const scope = `${req.user?.id ?? 'anonymous'} ${req.method} ${req.path}`;
    const hash = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
    return from(
      this.uow.run(async (m) => {
        const claimed: unknown[] = await m.query(
          `INSERT INTO idempotent_request (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
          [scope, key, hash],
        );
        if (!claimed.length) {
          const [done] = await m.query(`SELECT request_hash, status_code, response FROM idempotent_request WHERE scope = $1 AND key = $2`, [scope, key]);
          if (done.request_hash !== hash) throw new IdempotencyKeyReusedError();
          res.status(done.status_code);
          return done.response;
        }
        const answer = await lastValueFrom(next.handle(), { defaultValue: null });
        await m.query(`UPDATE idempotent_request SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2`, [
          scope,
          key,
          status,
          JSON.stringify(answer ?? null),
        ]);
        return answer;
      }),
    );
  }
}
