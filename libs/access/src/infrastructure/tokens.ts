import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '@oms/core';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
/** Two tabs refreshing at once both present the same token; the loser is told to re-read, not logged out. */
export const ROTATION_GRACE_SECONDS = 30;

export interface AccessClaims {
  sub: string;
  sid: string;
  /** The user's token version when issued: a password reset or disabling moves it on. */
  tv: number;
}

/** A refresh token is `<session id>.<secret>`; only the secret's SHA-256 is stored. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const [sessionId, secret, ...rest] = token.split('.');
  if (rest.length || !isUuid(sessionId) || !secret || secret.length < 20) return undefined;
  return { sessionId, secret };
}
