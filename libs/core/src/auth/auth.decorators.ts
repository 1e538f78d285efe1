import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, RoutePermission, Subject } from '../access-control/permissions.js';

export const IS_PUBLIC = 'oms:is-public';

/** Opens a route to callers without a token. Every other route denies them by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Who is calling, as the authentication guard established it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  sessionId: string;
  roleIds: string[];
  roles: { id: string; name: string }[];
  /** Scopes: the warehouses and channels this user works for (empty: none assigned). */
  warehouseIds: string[];
  channelIds: string[];
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);

export const REQUIRED_PERMISSION = 'oms:required-permission';
export const IS_AUTHENTICATED_ONLY = 'oms:authenticated-only';

/**
 * Declares what a route needs: an action on a subject. Every route declares one of @Public(),
 * @Authenticated() or @Can(); a route with none is refused for everyone (it fails closed).
 */
export const Can = (action: Action, subject: Subject): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, { action, subject } satisfies RoutePermission);

/** Open to any signed-in user whatever their roles: their own profile, password, sign-out. */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(IS_AUTHENTICATED_ONLY, true);
