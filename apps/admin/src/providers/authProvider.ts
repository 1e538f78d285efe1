import { HttpError, type AuthProvider } from 'react-admin';
import { canAccessWith } from '../access/ability';
import { toApiError } from './httpClient';
import { forgetMe, loadMe } from './me';
import {
  API_URL,
  clearSession,
  getAccessToken,
  getRefreshToken,
  getStoredUser,
  refreshSession,
  storeSession,
  type AuthResponse,
  type SessionUser,
} from './session';

export interface LoginParams {
  email: string;
  password: string;
}

const postJson = async (path: string, body: unknown, token?: string | null): Promise<Response> => {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${API_URL}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
};

const statusOf = (error: unknown): number | undefined =>
  (error as { status?: number } | null)?.status;

export const authProvider: AuthProvider = {
  async login({ email, password }: LoginParams) {
    let response: Response;
    try {
      response = await postJson('/auth/login', { email, password });
    } catch (error) {
      throw toApiError(error);
    }
    const body: unknown = await response.json().catch(() => ({}));
    if (!response.ok) {
      const { code, message } = body as { code?: string; message?: string };
      throw toApiError(new HttpError(message ?? response.statusText, response.status, { code }));
    }
    forgetMe();
    storeSession(body as AuthResponse);
  },

  async logout() {
    const refreshToken = getRefreshToken();
    const accessToken = getAccessToken();
    clearSession();
    forgetMe();
    if (refreshToken) {
      // Revoking is best effort: the local session is gone either way.
      await postJson('/auth/logout', { refreshToken }, accessToken).catch(() => undefined);
    }
  },

  async checkAuth() {
    if (!getAccessToken() && !getRefreshToken()) {
      // A first visit is not an error worth a notification: just show the login page.
      throw { message: false };
    }
  },

  async checkError(error) {
    const status = statusOf(error);
    if (status === 401) {
      if (await refreshSession(getAccessToken())) return;
      clearSession();
      forgetMe();
      throw { message: 'ra.notification.logged_out' };
    }
    // 403 means "not allowed to do this", not "signed out": stay signed in, but read the
    // rules again next time (an administrator may just have changed them).
    if (status === 403) forgetMe();
  },

  async getIdentity() {
    let user: SessionUser | null;
    try {
      user = (await loadMe(true)).me;
    } catch (error) {
      user = getStoredUser();
      if (!user) throw error;
    }
    return { id: user.id, fullName: user.name || user.email, email: user.email, locale: user.locale };
  },

  /** The user's CASL rules, as `/auth/me` gives them. */
  async getPermissions() {
    if (!getAccessToken() && !getRefreshToken()) return [];
    return (await loadMe()).me.permissions ?? [];
  },

  /** react-admin's access control (pages, menu, buttons), answered by the user's CASL ability. */
  async canAccess({ action, resource, record }) {
    // Signed out (a check racing a sign-out): nothing is allowed, and nothing to report.
    if (!getAccessToken() && !getRefreshToken()) return false;
    const { ability } = await loadMe();
    return canAccessWith(ability, { action, resource, record });
  },
};
