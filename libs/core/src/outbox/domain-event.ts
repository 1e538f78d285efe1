import { newId } from '../ids/ids.js';

export interface EventEnvelope<P extends object = object> {
  id: string;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  payload: P;
  actorId: string | null;
  occurredAt: string;
}

/**
 * A fact that happened. Subclasses declare their wire type (`<context>.<kebab-name>`) and
 * version; instances are written to the outbox in the state change's transaction.
 */
export abstract class DomainEvent<P extends object = object> {
  static readonly type: string;
  static readonly version: number = 1;

  readonly id: string;
  readonly occurredAt: Date;
  readonly actorId: string | null;

  constructor(
    readonly aggregateType: string,
    readonly aggregateId: string,
    readonly payload: P,
    meta: { id?: string; occurredAt?: Date; actorId?: string | null } = {},
  ) {
    this.id = meta.id ?? newId();
    this.occurredAt = meta.occurredAt ?? new Date();
    this.actorId = meta.actorId ?? null;
  }

  get type(): string {
    return (this.constructor as EventClass).type;
  }

  get version(): number {
    return (this.constructor as EventClass).version;
  }

  toEnvelope(): EventEnvelope<P> {
    return {
      id: this.id,
      type: this.type,
      version: this.version,
      aggregateType: this.aggregateType,
      aggregateId: this.aggregateId,
      payload: this.payload,
      actorId: this.actorId,
      occurredAt: this.occurredAt.toISOString(),
    };
  }
}

export interface EventClass<E extends DomainEvent = DomainEvent> {
  new (aggregateType: string, aggregateId: string, payload: never, meta?: object): E;
  readonly type: string;
  readonly version: number;
}

export function eventFromEnvelope<E extends DomainEvent>(cls: EventClass<E>, env: EventEnvelope): E {
  return new cls(env.aggregateType, env.aggregateId, env.payload as never, {
    id: env.id,
    occurredAt: new Date(env.occurredAt),
    actorId: env.actorId,
  });
}
