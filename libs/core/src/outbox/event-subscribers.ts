import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { IEventHandler } from '@nestjs/cqrs';
import type { DomainEvent, EventClass } from './domain-event.js';

/** Same key as `@EventsHandler()` of @nestjs/cqrs writes. */
const EVENTS_HANDLER_METADATA = '__eventsHandler__';
const DELIVERY_POLICY = Symbol('oms:delivery-policy');

export interface DeliveryPolicy {
  /** Retries after the first attempt before the delivery is dead-lettered. */
  retryLimit: number;
  /** First retry delay; each later one doubles (with jitter). */
  retryDelaySeconds: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { retryLimit: 5, retryDelaySeconds: 5 };

/** Overrides the retry policy of an `@EventsHandler` class. */
export function Delivery(policy: Partial<DeliveryPolicy>): ClassDecorator {
  return (target) => Reflect.defineMetadata(DELIVERY_POLICY, policy, target);
}

export interface Subscriber {
  name: string;
  handler: IEventHandler<DomainEvent>;
  policy: DeliveryPolicy;
}

/**
 * Every `@EventsHandler` of this process, by name. The name (the class name) is what a
 * delivery job and a dead letter record, so it must be unique.
 */
@Injectable()
export class EventSubscribers implements OnModuleInit {
  private readonly byType = new Map<string, Subscriber[]>();
  private readonly byName = new Map<string, Subscriber & { events: EventClass[] }>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (new (...a: never[]) => unknown) | undefined;
      const events = type && (Reflect.getMetadata(EVENTS_HANDLER_METADATA, type) as EventClass[] | undefined);
      if (!events || !wrapper.instance) continue;
      const name = type.name;
      if (this.byName.has(name)) throw new Error(`Two event handlers are named ${name}; names must be unique`);
      const policy = { ...DEFAULT_DELIVERY_POLICY, ...(Reflect.getMetadata(DELIVERY_POLICY, type) ?? {}) };
      const sub = { name, handler: wrapper.instance as IEventHandler<DomainEvent>, policy, events };
      this.byName.set(name, sub);
      for (const e of events) {
        if (!e.type) throw new Error(`${name} handles ${e.name}, which has no static wire type`);
        this.byType.set(e.type, [...(this.byType.get(e.type) ?? []), sub]);
      }
    }
  }

  /** The event class a handler of this process declared for a wire type, if any. */
  eventClass(type: string): EventClass | undefined {
    for (const sub of this.byType.get(type) ?? []) {
      const found = this.byName.get(sub.name)?.events.find((e) => e.type === type);
      if (found) return found;
    }
    return undefined;
  }

  forType(type: string): Subscriber[] {
    return this.byType.get(type) ?? [];
  }

  get(name: string): (Subscriber & { events: EventClass[] }) | undefined {
    return this.byName.get(name);
  }
}
