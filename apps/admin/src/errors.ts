import type { TranslateFunction } from 'react-admin';

/**
 * A failed call in the user's language. API errors carry the key `errors.<code>` as their
 * message (see providers/httpClient.ts); anything else is shown as is.
 */
export const translateError = (translate: TranslateFunction, error: unknown): string => {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || message === '') return translate('ra.notification.http_error');
  return translate(message, { _: message });
};
