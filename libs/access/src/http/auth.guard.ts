import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { type AuthenticatedUser, IS_PUBLIC } from '@oms/core';
import type { Request } from 'express';
import { AuthService } from '../application/auth.service.js';
import type { AccessClaims } from '../infrastructure/tokens.js';

function unauthorized(code: string, message: string): UnauthorizedException {
  return new UnauthorizedException({ code, message });
}

/**
 * Denies by default: a route is reachable without a valid access token only when it is
 * marked @Public(). The token must be signed by us, unexpired, and its session still open.
 * Permission checks per route join here when roles arrive.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
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
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw unauthorized('auth.invalid_token', 'The access token is not valid');
    }
    const user = await this.auth.sessionUser(claims.sid, claims.sub);
    if (!user) throw unauthorized('auth.session_ended', 'The session has ended; sign in again');
    req.user = { ...user, sessionId: claims.sid };
    return true;
  }
}
