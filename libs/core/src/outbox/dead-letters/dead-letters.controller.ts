import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditTrail } from '../../audit/audit-trail.js';
import { type AuthenticatedUser, Can, CurrentUser } from '../../auth/auth.decorators.js';
import { UnitOfWork } from '../../database/unit-of-work.js';
import { NotFoundError } from '../../errors/domain-error.js';
import { findResource, listResource } from '../../http/simple-rest/list-page.js';
import { parseListQuery, type ResourceDefinition } from '../../http/simple-rest/list-query.js';
import { RecordBody } from '../../http/simple-rest/record-update.pipe.js';
import { DeadLetterService } from './dead-letter.service.js';

export const DEAD_LETTERS: ResourceDefinition = {
  resource: 'dead-letters',
  subject: 'DeadLetter',
  from: 'dead_letter d',
  idColumn: 'd.id',
  fields: {
    id: 'd.id',
    eventId: 'd.event_id',
    eventType: 'd.event_type',
    handler: 'd.handler',
    error: 'd.error',
    attempts: 'd.attempts',
    payload: 'd.payload',
    status: 'd.status',
    replayCount: 'd.replay_count',
    note: 'd.note',
    firstFailedAt: 'd.first_failed_at',
    lastFailedAt: 'd.last_failed_at',
    replayedAt: 'd.replayed_at',
  },
  sortable: ['lastFailedAt', 'firstFailedAt', 'attempts', 'eventType', 'handler', 'status'],
  columnTypes: { id: 'uuid', eventId: 'uuid', attempts: 'integer', status: 'text' },
  filters: {
    status: { kind: 'eq', column: 'd.status', values: ['failed', 'replayed', 'resolved'] },
    eventType: { kind: 'eq', column: 'd.event_type' },
    handler: { kind: 'eq', column: 'd.handler' },
    eventId: { kind: 'eq', column: 'd.event_id', uuid: true },
    lastFailedAt: { kind: 'date', column: 'd.last_failed_at' },
    q: { kind: 'search', columns: ['d.event_type', 'd.handler', 'd.error', 'd.event_id'] },
  },
  defaultSort: ['lastFailedAt', 'DESC'],
};

export class UpdateDeadLetterDto {
  /** What an operator did about it. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

const READ_ONLY = Object.keys(DEAD_LETTERS.fields).filter((f) => f !== 'note');

@ApiTags('dead-letters')
@ApiBearerAuth()
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deadLetters: DeadLetterService,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Can('read', 'DeadLetter')
  @ApiOperation({ summary: 'Deliveries that used up their retries (simple-rest list)' })
  @ApiQuery({ name: 'sort', required: false, example: '["lastFailedAt","DESC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"status":"failed"}' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, DEAD_LETTERS, parseListQuery(query, DEAD_LETTERS));
  }

  @Get(':id')
  @Can('read', 'DeadLetter')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return (await findResource(this.uow.manager, DEAD_LETTERS, id)) ?? notFound(id);
  }

  @Put(':id')
  @Can('update', 'DeadLetter')
  @ApiOperation({ summary: 'Edit the note; send the record as read, read-only fields are ignored' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @RecordBody(UpdateDeadLetterDto, READ_ONLY) dto: UpdateDeadLetterDto,
  ) {
    return this.uow.run(async (m) => {
      const before = await this.get(id);
      if (dto.note === undefined) return before;
      await m.query(`UPDATE dead_letter SET note = $2 WHERE id = $1`, [id, dto.note]);
      const after = await this.get(id);
      await this.audit.record({ action: 'dead_letter.update', entityType: 'DeadLetter', entityId: id, before, after });
      return after;
    });
  }

  @Delete(':id')
  @Can('delete', 'DeadLetter')
  @ApiOperation({ summary: 'Discard a dead letter that was dealt with by hand' })
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.uow.run(async (m) => {
      const record = await this.get(id);
      await m.query(`DELETE FROM dead_letter WHERE id = $1`, [id]);
      await this.audit.record({ action: 'dead_letter.delete', entityType: 'DeadLetter', entityId: id, before: record });
      return record;
    });
  }

  @Post(':id/replay')
  @Can('replay', 'DeadLetter')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver the event to the failed handler again' })
  async replay(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.uow.run(async () => {
      const before = await this.get(id);
      await this.deadLetters.replay(id, user.id);
      const after = await this.get(id);
      await this.audit.record({ action: 'dead_letter.replay', entityType: 'DeadLetter', entityId: id, before, after });
      return after;
    });
  }
}

function notFound(id: string): never {
  throw new NotFoundError('Dead letter', id);
}
