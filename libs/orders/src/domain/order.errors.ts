import { DomainError } from '@oms/core';
import type { OrderAction, OrderStatus } from './order.transitions.js';

/** The action is not allowed in the order's current status. */
export class IllegalTransitionError extends DomainError {
  constructor(orderNumber: string, status: OrderStatus, action: OrderAction) {
    super('orders.illegal_transition', 'conflict', `Order ${orderNumber} is ${status}: it cannot ${action.replace(/_/g, ' ')}`, {
      status,
      action,
    });
  }
}

/** An order whose flags are not resolved is approved only with a reason ("approve anyway"). */
export class UnresolvedFlagsError extends DomainError {
  constructor(codes: string[]) {
    super('orders.unresolved_flags', 'conflict', `Resolve the order's exceptions first, or approve it anyway with a reason: ${codes.join(', ')}`, {
      flags: codes,
      fields: [{ field: 'reason', message: 'is required to approve an order with open exceptions' }],
    });
  }
}

/** Lines, address and the like change only before stock is allocated. */
export class NotEditableError extends DomainError {
  constructor(orderNumber: string, status: OrderStatus, what: string, since?: 'approved') {
    super(
      'orders.not_editable',
      'conflict',
      since
        ? `Order ${orderNumber} was approved: its ${what} can no longer change (stock may be held for it); cancel it and enter it again`
        : `Order ${orderNumber} is ${status}: its ${what} can no longer change`,
      { status, ...(since ? { since } : {}) },
    );
  }
}

/** An order's content that breaks a business rule (no lines, negative price, total mismatch...). */
export class InvalidOrderError extends DomainError {
  constructor(message: string, field: string) {
    super('orders.invalid', 'invalid', message, { fields: [{ field, message }] });
  }
}

/** Split and merge need orders that agree (same customer, address, channel...) and parts that add up. */
export class CannotCombineError extends DomainError {
  constructor(message: string, field: string) {
    super('orders.cannot_combine', 'conflict', message, { fields: [{ field, message }] });
  }
}

/** Orders come in through a known, active sales channel. */
export class UnknownChannelError extends DomainError {
  constructor(channelId: string) {
    super('orders.unknown_channel', 'invalid', `No active sales channel ${channelId}`, { fields: [{ field: 'channel', message: 'is not an active sales channel' }] });
  }
}
