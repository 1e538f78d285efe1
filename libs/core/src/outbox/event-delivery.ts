import type { DeliveryPolicy } from './event-subscribers.js';
import type { EventEnvelope } from './domain-event.js';

/** The queue that carries one job per (event, handler) pair. */
export const EVENT_DELIVERY_QUEUE = 'oms.event-delivery';

export interface DeliveryJobData {
  handler: string;
  event: EventEnvelope;
  /** The dead letter this delivery replays; it is marked resolved when the delivery succeeds. */
  replayOf?: string;
}

export function deliveryJob(
  handler: string,
  event: EventEnvelope,
  policy: DeliveryPolicy,
  timeoutSeconds: number,
  replayOf?: string,
) {
  return {
    name: EVENT_DELIVERY_QUEUE,
    data: { handler, event, ...(replayOf ? { replayOf } : {}) } satisfies DeliveryJobData,
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    // A delivery still active after this is presumed lost with its worker and is retried.
    expireInSeconds: timeoutSeconds,
  };
}
