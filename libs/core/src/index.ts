/** Configuration read from the environment, validated at start-up. */
export { loadConfig, ConfigError, APP_CONFIG, type AppConfig } from './config/config.js';
/** Secrets generated once and kept in the data directory. */
export { loadOrCreateSecrets } from './config/secrets.js';
/** Kernel modules. */
export { CoreModule, CoreHttpModule, EventPipelineWorkerModule, type CoreModuleOptions } from './core.module.js';
/** Request ids on every HTTP log line. */
export { assignRequestId } from './logging/logging.module.js';
/** Database: embedded server, migrations, naming, transactions, money. */
export { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
export { findFreePort } from './database/free-port.js';
export { dataSourceOptions, runMigrations } from './database/data-source.js';
export { coreMigrations } from './database/migrations/index.js';
export { SnakeNamingStrategy, snakeCase } from './database/snake-naming.strategy.js';
export { UnitOfWork } from './database/unit-of-work.js';
export { onUniqueViolation, pgErrorCode } from './database/unique-violation.js';
export { type Money, money, addMoney } from './database/money.js';
/** Ids. */
export { newId, isUuid } from './ids/ids.js';
/** Errors and the HTTP error shape. */
export { DomainError, NotFoundError, InvalidInputError, type DomainErrorKind } from './errors/domain-error.js';
export { HttpErrorFilter, type ErrorBody } from './errors/http-error.filter.js';
export { createValidationPipe } from './errors/validation.js';
/** Authentication markers and route permissions shared by every context. */
export {
  Public,
  Authenticated,
  Can,
  CurrentUser,
  IS_PUBLIC,
  IS_AUTHENTICATED_ONLY,
  REQUIRED_PERMISSION,
  type AuthenticatedUser,
} from './auth/auth.decorators.js';
export { RequestContext, type RequestContextData } from './auth/request-context.js';
/** Permissions: the actions and subjects roles grant, and their enforcement on rows and fields. */
export {
  ACTIONS,
  SUBJECTS,
  SUBJECT_FIELDS,
  type Action,
  type Subject,
  type SubjectOrAll,
  type PermissionRule,
  type AppAbility,
  type RoutePermission,
} from './access-control/permissions.js';
export { buildAbility, interpolateRules, type AbilityUser } from './access-control/build-ability.js';
export { validatePermissionRules } from './access-control/validate-rules.js';
export { assertAllowed } from './access-control/current-user.js';
export { scopeFor, type SqlScope } from './access-control/ability-sql.js';
export {
  applyReadRules,
  assertCan,
  assertWritable,
  ActionForbiddenError,
  forbiddenFields,
  FieldForbiddenError,
  maskEmail,
  maskPhone,
  type Masker,
} from './access-control/field-access.js';
/** The audit log: every change, sign-in and refusal, written in the change's own transaction. */
export { AuditTrail, type AuditEntry, type AuditOutcome } from './audit/audit-trail.js';
/** The react-admin simple-rest layer. */
export {
  parseListQuery,
  MAX_PAGE_SIZE,
  type ResourceDefinition,
  type ListQuery,
  type FilterDef,
} from './http/simple-rest/list-query.js';
export { ListPage, listResource, findResource, requireResource, readAccess } from './http/simple-rest/list-page.js';
export { exportResource, EXPORT_LIMIT } from './http/simple-rest/export.js';
export { RecordUpdatePipe, RecordBody } from './http/simple-rest/record-update.pipe.js';
/** Durable events: outbox, relay, deliveries, dead letters. */
export { DomainEvent, type EventEnvelope, type EventClass } from './outbox/domain-event.js';
export { OutboxService } from './outbox/outbox.service.js';
export { OutboxRelay, envelopeOf } from './outbox/outbox-relay.js';
export { EventDeliveryWorker } from './outbox/event-delivery.worker.js';
export { Delivery, type DeliveryPolicy, DEFAULT_DELIVERY_POLICY } from './outbox/event-subscribers.js';
export { EVENT_DELIVERY_QUEUE } from './outbox/event-delivery.js';
export { DeadLetterService } from './outbox/dead-letters/dead-letter.service.js';
/** Durable jobs. */
export { JobQueue, inTransaction } from './jobs/job-queue.js';
/** Idempotency-Key on routes that change things. */
export { Idempotent, IdempotencyKeyReusedError } from './http/idempotency/idempotency.interceptor.js';
