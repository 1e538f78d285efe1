import { buildAbility, type Ability, type PermissionRule } from '../access/ability';
import { httpClient } from './httpClient';
import { API_URL, getAccessToken, getStoredUser, type SessionUser } from './session';

/** `GET /api/auth/me`: who is signed in, their roles and scopes, and the rules the panel applies. */
export interface Me extends SessionUser {
  roleIds: string[];
  roles: Array<{ id: string; name: string }>;
  warehouseIds: string[];
  channelIds: string[];
  permissions: PermissionRule[];
}

export interface Signed {
  me: Me;
  ability: Ability;
}

/**
 * The identity and its ability, cached for the access token they were read with: signing in
 * or refreshing the session (a new token) reads them again, signing out forgets them.
 */
let cached: (Signed & { token: string | null }) | null = null;
let inFlight: { token: string | null; promise: Promise<Signed> } | null = null;

const read = (token: string | null): Promise<Signed> => {
  const promise = httpClient(`${API_URL}/auth/me`)
    .then(({ json }) => {
      const me = json as Me;
      const entry = { me, ability: buildAbility(me.permissions ?? []), token: getAccessToken() };
      cached = entry;
      return entry;
    })
    .catch((error: unknown) => {
      // Offline or a server hiccup: the same user keeps the rules they had.
      const sameUser = cached && cached.me.id === getStoredUser()?.id;
      if (cached && sameUser && (error as { status?: number }).status !== 401) return cached;
      throw error;
    })
    .finally(() => {
      if (inFlight?.promise === promise) inFlight = null;
    });
  inFlight = { token, promise };
  return promise;
};

/** The cached identity, or a fresh one when `fresh` (a read already under way counts as fresh). */
export const loadMe = (fresh = false): Promise<Signed> => {
  const token = getAccessToken();
  if (inFlight && inFlight.token === token) return inFlight.promise;
  if (!fresh && cached && cached.token === token) return Promise.resolve(cached);
  return read(token);
};

export const forgetMe = (): void => {
  cached = null;
  inFlight = null;
};
