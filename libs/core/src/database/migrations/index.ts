import { CoreEventPipeline1764000000000 } from './1764000000000-core-event-pipeline.js';
import { AuditLog1764000000200 } from './1764000000200-audit-log.js';
import { IdempotentRequests1764000000250 } from './1764000000250-idempotent-requests.js';

export const coreMigrations = [CoreEventPipeline1764000000000, AuditLog1764000000200, IdempotentRequests1764000000250];
