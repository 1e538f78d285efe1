import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

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
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);
