import { HttpError, type TranslateFunction } from 'react-admin';
import { translateError } from '../../../errors';

/**
 * A refused order action in the user's language. `orders.illegal_transition` names the order's
 * status and the action in its details; the message shows both in words.
 */
export const orderErrorMessage = (translate: TranslateFunction, error: unknown): string => {
  if (error instanceof HttpError) {
    const details = (error.body as { details?: Record<string, unknown> } | undefined)?.details;
    if (details && typeof details.status === 'string') {
      const status = translate(`resources.orders.statuses.${details.status}`, { _: details.status });
      const action = typeof details.action === 'string' ? translate(`resources.orders.actions.${details.action}`, { _: details.action }) : '';
      return translate(error.message, { _: error.message, status, action });
    }
  }
  return translateError(translate, error);
};
