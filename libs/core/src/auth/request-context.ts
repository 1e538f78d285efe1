import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppAbility } from '../access-control/permissions.js';
import type { AuthenticatedUser } from './auth.decorators.js';

/**
 * Who is asking and from where, for the whole life of one HTTP request. Opened by the first
 * middleware; the authentication guard fills in the user and their ability. Services read it
 * to scope queries and to stamp audit entries without passing it through every call.
 */
export interface RequestContextData {
  requestId: string;
  ip?: string;
  userAgent?: string;
  user?: AuthenticatedUser;
  ability?: AppAbility;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  /** The current request's context, or undefined outside a request (jobs, start-up). */
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
