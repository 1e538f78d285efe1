/**
 * Tokens and the signed-in user, kept in localStorage so a reload or a second tab stays
 * signed in. Refresh tokens rotate on every use, so two refreshes must never run with the
 * same token: refreshes are serialised across tabs (Web Locks) and within a tab (one
 * shared promise), and a caller whose token was already replaced simply uses the new one.
 */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale?: string;
}

export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export const API_URL = '/api';

const ACCESS_KEY = 'oms.accessToken';
const REFRESH_KEY = 'oms.refreshToken';
const USER_KEY = 'oms.user';

export const getAccessToken = (): string | null => localStorage.getItem(ACCESS_KEY);
export const getRefreshToken = (): string | null => localStorage.getItem(REFRESH_KEY);

export const getStoredUser = (): SessionUser | null => {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SessionUser;
  } catch {
    return null;
  }
};

export const storeSession = ({ accessToken, refreshToken, user }: AuthResponse): void => {
  localStorage.setItem(ACCESS_KEY, accessToken);
  localStorage.setItem(REFRESH_KEY, refreshToken);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
};

export const clearSession = (): void => {
  localStorage.removeItem(ACCESS_KEY);
  localStorage.removeItem(REFRESH_KEY);
  localStorage.removeItem(USER_KEY);
};

let inFlight: Promise<boolean> | null = null;

/**
 * Gets a new access token unless `staleAccessToken` has already been replaced (by another
 * request or tab). Resolves true when a usable access token is stored, false when the
 * session is over (no refresh token, or the server refused it).
 */
export const refreshSession = (staleAccessToken: string | null): Promise<boolean> => {
  if (!inFlight) {
    inFlight = withRefreshLock(() => doRefresh(staleAccessToken)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
};

const withRefreshLock = <T>(task: () => Promise<T>): Promise<T> => {
  // Web Locks exist only in secure contexts (https or localhost); elsewhere the in-tab
  // promise above is the only guard.
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('oms.session-refresh', task) : task();
};

const doRefresh = async (staleAccessToken: string | null): Promise<boolean> => {
  const current = getAccessToken();
  if (current && current !== staleAccessToken) return true;
  const refreshToken = getRefreshToken();
  if (!refreshToken) return false;
  let response: Response;
  try {
    response = await fetch(`${API_URL}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
  } catch {
    // Offline: keep the tokens, the next request may succeed.
    return false;
  }
  if (!response.ok) {
    if (response.status === 401 || response.status === 403) clearSession();
    return false;
  }
  storeSession((await response.json()) as AuthResponse);
  return true;
};
