import type { Order } from '../../domain/order.aggregate.js';

/** Where orders live. Saving also writes the order's timeline and puts its events in the outbox. */
export abstract class OrderRepository {
  /** The next human-readable number, e.g. SO-20261125-000123. */
  abstract nextNumber(at: Date): Promise<string>;
  /** The order, locked until the transaction ends; a 404 error when it does not exist. */
  abstract getForUpdate(id: string): Promise<Order>;
  /** A channel's order already taken in, if any. */
  abstract findByExternalId(channelId: string, externalId: string): Promise<string | undefined>;
  abstract insert(order: Order): Promise<void>;
  abstract save(order: Order): Promise<void>;
}
