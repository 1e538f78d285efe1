import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Can } from '../auth/auth.decorators.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { listResource, requireResource } from '../http/simple-rest/list-page.js';
import { parseListQuery, type ResourceDefinition } from '../http/simple-rest/list-query.js';

export const AUDIT_LOGS: ResourceDefinition = {
  resource: 'audit-logs',
  subject: 'AuditLog',
  from: 'audit_log a',
  idColumn: 'a.id',
  fields: {
    id: 'a.id',
    at: 'a.at',
    actorId: 'a.actor_id',
    actorEmail: 'a.actor_email',
    ip: 'a.ip',
    userAgent: 'a.user_agent',
    requestId: 'a.request_id',
    action: 'a.action',
    entityType: 'a.entity_type',
    entityId: 'a.entity_id',
    outcome: 'a.outcome',
    before: 'a.before',
    after: 'a.after',
    changes: 'a.changes',
    details: 'a.details',
  },
  sortable: ['at', 'action', 'actorEmail', 'entityType', 'outcome'],
  nullable: ['actorEmail', 'entityType'],
  columnTypes: { id: 'uuid', at: 'timestamptz', actorId: 'uuid', action: 'text', outcome: 'text' },
  filters: {
    actorId: { kind: 'eq', column: 'a.actor_id', uuid: true },
    actorEmail: { kind: 'eq', column: 'a.actor_email' },
    entityType: { kind: 'eq', column: 'a.entity_type' },
    entityId: { kind: 'eq', column: 'a.entity_id' },
    action: { kind: 'eq', column: 'a.action' },
    outcome: { kind: 'eq', column: 'a.outcome', values: ['success', 'denied', 'failed'] },
    requestId: { kind: 'eq', column: 'a.request_id' },
    at: { kind: 'date', column: 'a.at' },
    q: { kind: 'search', columns: ['a.action', 'a.actor_email', 'a.entity_type', 'a.entity_id'] },
  },
  defaultSort: ['at', 'DESC'],
};

/** The audit log, read-only: nothing in the API can change or remove an entry. */
@ApiTags('audit-logs')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly uow: UnitOfWork) {}

  @Get()
  @Can('read', 'AuditLog')
  @ApiOperation({ summary: 'Who changed what, when and from where (simple-rest list)' })
  @ApiQuery({ name: 'filter', required: false, example: '{"entityType":"User","at_gte":"2026-11-01"}' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, AUDIT_LOGS, parseListQuery(query, AUDIT_LOGS));
  }

  @Get(':id')
  @Can('read', 'AuditLog')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return requireResource(this.uow.manager, AUDIT_LOGS, id, 'Audit log entry');
  }
}
