import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { UnitOfWork } from '../database/unit-of-work.js';

/** Above this many unpublished events the system reports itself unhealthy: the relay is stuck or overrun. */
export const OUTBOX_BACKLOG_LIMIT = 10_000;

@Injectable()
export class OutboxBacklogIndicator {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'outbox') {
    const indicator = this.indicators.check(key);
    const [row] = await this.uow.manager.query(
      `SELECT count(*)::int AS backlog, extract(epoch FROM now() - min(occurred_at))::int AS oldest_seconds
       FROM outbox_event WHERE published_at IS NULL`,
    );
    const details = { backlog: row.backlog, oldestSeconds: row.oldest_seconds ?? 0, limit: OUTBOX_BACKLOG_LIMIT };
    return row.backlog > OUTBOX_BACKLOG_LIMIT ? indicator.down(details) : indicator.up(details);
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly outbox: OutboxBacklogIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.outbox.check()]);
  }
}
