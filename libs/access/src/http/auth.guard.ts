import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import {
  AuditTrail,
  type AuthenticatedUser,
  buildAbility,
  IS_AUTHENTICATED_ONLY,
  IS_PUBLIC,
  RequestContext,
  REQUIRED_PERMISSION,
  type RoutePermission,
} from '@oms/core';
import type { Request } from 'express';
import { AuthService } from '../application/auth.service.js';
import type { AccessClaims } from '../infrastructure/tokens.js';

function unauthorized(code: string, message: string): UnauthorizedException {
  return new UnauthorizedException({ code, message });
}

/**
 * Every request passes here. A route is open without a token only when marked @Public().
 * Otherwise the token must be ours, unexpired, its session open, its user active and its
 * token version current; the user's ability is then built from their roles as they are now,
 * so a change of roles applies to the very next request. A route declares @Can(action,
 * subject) or @Authenticated(); a route that declares neither is refused to everyone.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
    private readonly audit: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const user = await this.authenticate(req);
    const ability = buildAbility(user.permissions, user);
    const ctx = RequestContext.current();
    if (ctx) Object.assign(ctx, { user: req.user, ability });

    const required = this.reflector.getAllAndOverride<RoutePermission | undefined>(REQUIRED_PERMISSION, targets);
    if (required) {
      if (ability.can(required.action, required.subject)) return true;
      await this.deny(req, required);
      throw new ForbiddenException({
        code: 'access.forbidden',
        message: `Your roles do not allow ${required.action} on ${required.subject}`,
        details: { action: required.action, subject: required.subject },
      });
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_AUTHENTICATED_ONLY, targets)) return true;
    this.logger.error({ route: `${req.method} ${req.route?.path ?? req.path}` }, 'Route declares no permission');
    await this.deny(req);
    throw new ForbiddenException({
      code: 'access.undeclared_route',
      message: 'This route declares no permission, so it is closed to everyone',
    });
  }

  private async authenticate(req: Request & { user?: AuthenticatedUser }) {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw unauthorized('auth.missing_token', 'Sign in first: send Authorization: Bearer <access token>');
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch (e) {
      if ((e as Error).name === 'TokenExpiredError') {
        throw unauthorized('auth.token_expired', 'The access token has expired; refresh it');
      }
      throw unauthorized('auth.invalid_token', 'The access token is not valid');
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Number.isInteger(claims.tv)) {
      throw unauthorized('auth.invalid_token', 'The access token is not valid');
    }
    const user = await this.auth.sessionUser(claims.sid, claims.sub, claims.tv);
    if (!user) throw unauthorized('auth.session_ended', 'The session has ended; sign in again');
    req.user = {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      sessionId: claims.sid,
      roleIds: user.roleIds,
      roles: user.roles,
      warehouseIds: user.warehouseIds,
      channelIds: user.channelIds,
    };
    return user;
  }

  private async deny(req: Request, required?: RoutePermission): Promise<void> {
    await this.audit.record({
      action: 'access.denied',
      outcome: 'denied',
      details: { method: req.method, path: req.originalUrl.split('?')[0], ...required },
    });
  }
}
