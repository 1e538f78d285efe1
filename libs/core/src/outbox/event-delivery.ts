import type { DeliveryPolicy } from './event-subscribers.js';
import type { EventEnvelope } from './domain-event.js';

/** The queue that carries one job per (event, handler) pair. */
export const EVENT_DELIVERY_QUEUE = 'oms.event-delivery';

export interface DeliveryJobData {
  handler: string;
  event: EventEnvelope;
}

export function deliveryJob(handler: string, event: EventEnvelope, policy: DeliveryPolicy) {
  return {
    name: EVENT_DELIVERY_QUEUE,
    data: { handler, event } satisfies DeliveryJobData,
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    // A handler should finish in seconds; an expired job is retried like a failed one.
    expireInSeconds: 300,
  };
}
