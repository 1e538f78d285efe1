import { HttpError, type TranslateFunction } from 'react-admin';
import { translateError } from '../../../errors';

/**
 * A refused movement in the user's language. `stock.insufficient` carries what was available and
 * what was asked for in its details, which its message shows.
 */
export const stockErrorMessage = (translate: TranslateFunction, error: unknown): string => {
  if (error instanceof HttpError) {
    const details = (error.body as { details?: Record<string, unknown> } | undefined)?.details;
    if (details && typeof details === 'object' && 'available' in details) {
      return translate(error.message, { _: error.message, ...details });
    }
  }
  return translateError(translate, error);
};
