import { fetchUtils, HttpError } from 'react-admin';
import { toFormErrors } from './formErrors';
import { getAccessToken, getRefreshToken, refreshSession } from './session';

/** Error body of the API: `{ statusCode, error, code, message, details?, requestId }`. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  code?: string;
  message?: string;
  details?: unknown;
  requestId?: string;
}

/**
 * The message of a failed call is the i18n key `errors.<code>`, so react-admin's own
 * notifications (which translate `error.message`) show it in the user's language; the
 * i18nProvider falls back to a generic text for codes it does not know. Field errors
 * (`details.fields`) also become `body.errors`, which react-admin forms show under the inputs.
 */
export const toApiError = (error: unknown): unknown => {
  if (error instanceof HttpError) {
    const raw = (error.body ?? {}) as ApiErrorBody;
    const errors = error.status < 500 ? toFormErrors(raw) : undefined;
    const body = errors ? { ...raw, errors } : raw;
    if (body.code) return new HttpError(`errors.${body.code}`, error.status, body);
    if (error.status >= 500) return new HttpError('errors.internal', error.status, body);
    return error;
  }
  if (error instanceof TypeError) return new HttpError('errors.network', 0, {});
  return error;
};

const withBearer = (options: fetchUtils.Options, token: string | null): fetchUtils.Options => {
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers };
};

/** fetchJson with the bearer token; on a 401 it refreshes the session once and retries. */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const token = getAccessToken();
  // Signed out (e.g. a list refetching while the app logs out): the API would only say 401.
  if (!token && !getRefreshToken()) throw new HttpError('ra.notification.logged_out', 401, {});
  try {
    return await fetchUtils.fetchJson(url, withBearer(options, token));
  } catch (error) {
    if (error instanceof HttpError && error.status === 401 && (await refreshSession(token))) {
      try {
        return await fetchUtils.fetchJson(url, withBearer(options, getAccessToken()));
      } catch (retryError) {
        throw toApiError(retryError);
      }
    }
    throw toApiError(error);
  }
};
