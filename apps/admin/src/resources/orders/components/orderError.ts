import { HttpError, type TranslateFunction } from 'react-admin';
import { translateError } from '../../../errors';

/** Messages that read differently on the order page than where the code usually meets people. */
const ON_THE_ORDER: Record<string, string> = {
  // Written for stock movements ("reserved units cannot be removed"); here it is an allocation.
  'errors.stock.insufficient': 'resources.orders.allocation.insufficient',
};

/**
 * A refused order action in the user's language. `orders.illegal_transition` names the order's
 * status and the action in its details; the message shows both in words. Other details (the
 * SKU, the quantities) fill the message's placeholders.
 */
export const orderErrorMessage = (translate: TranslateFunction, error: unknown): string => {
  if (error instanceof HttpError) {
    const details = (error.body as { details?: Record<string, unknown> } | undefined)?.details;
    if (details && typeof details.status === 'string') {
      const status = translate(`resources.orders.statuses.${details.status}`, { _: details.status });
      const action = typeof details.action === 'string' ? translate(`resources.orders.actions.${details.action}`, { _: details.action }) : '';
      return translate(error.message, { _: error.message, status, action });
    }
    if (details && typeof details === 'object') {
      const args = Object.fromEntries(Object.entries(details).filter(([, value]) => typeof value === 'string' || typeof value === 'number'));
      return translate(ON_THE_ORDER[error.message] ?? error.message, { _: error.message, ...args });
    }
  }
  return translateError(translate, error);
};
