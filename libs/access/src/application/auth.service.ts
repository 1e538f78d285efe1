import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { newId, OutboxService, UnitOfWork } from '@oms/core';
import { InvalidCredentialsError, InvalidRefreshTokenError, UserDisabledError } from '../domain/auth.errors.js';
import { UserSignedIn } from '../domain/user-signed-in.event.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';
import {
  type AccessClaims,
  ACCESS_TOKEN_TTL_SECONDS,
  hashSecret,
  newRefreshSecret,
  parseRefreshToken,
  REFRESH_TOKEN_TTL_DAYS,
  ROTATION_GRACE_SECONDS,
} from '../infrastructure/tokens.js';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: PublicUser;
}

export interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

const USER_COLUMNS = 'id, email, name, locale';

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<TokenPair> {
    const [row] = await this.uow.manager.query(
      `SELECT ${USER_COLUMNS}, password_hash, active FROM users WHERE email = $1`,
      [email.trim().toLowerCase()],
    );
    const ok = await this.hasher.verify(row?.password_hash, password);
    if (!row || !ok) throw new InvalidCredentialsError();
    if (!row.active) throw new UserDisabledError();
    const user: PublicUser = { id: row.id, email: row.email, name: row.name, locale: row.locale };
    const sessionId = newId();
    const secret = newRefreshSecret();
    await this.uow.run(async (m) => {
      await m.query(
        `INSERT INTO auth_session (id, user_id, refresh_hash, expires_at, user_agent, ip)
         VALUES ($1, $2, $3, now() + make_interval(days => $4), $5, $6)`,
        [sessionId, user.id, hashSecret(secret), REFRESH_TOKEN_TTL_DAYS, client.userAgent?.slice(0, 500) ?? null, client.ip ?? null],
      );
      await this.outbox.append([
        new UserSignedIn('user', user.id, { userId: user.id, sessionId }, { actorId: user.id }),
      ]);
    });
    return this.issue(user, sessionId, secret);
  }

  /** Exchanges a refresh token for a new pair; the old one stops working (rotation). */
  async refresh(token: string): Promise<TokenPair> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw new InvalidRefreshTokenError('invalid');
    const oldHash = hashSecret(parsed.secret);
    const secret = newRefreshSecret();
    return this.uow.run(async (m) => {
      const rotated: { user_id: string }[] = await m.query(
        `UPDATE auth_session SET refresh_hash = $3, previous_refresh_hash = refresh_hash, last_used_at = now(),
           expires_at = now() + make_interval(days => $4)
         WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL AND expires_at > now()
         RETURNING user_id`,
        [parsed.sessionId, oldHash, hashSecret(secret), REFRESH_TOKEN_TTL_DAYS],
      ).then(([rows]) => rows);
      if (rotated.length === 0) {
        const [session] = await m.query(
          `SELECT revoked_at, now() - last_used_at < make_interval(secs => $3) AS in_grace
           FROM auth_session WHERE id = $1 AND previous_refresh_hash = $2 FOR UPDATE`,
          [parsed.sessionId, oldHash, ROTATION_GRACE_SECONDS],
        );
        if (!session || session.revoked_at) throw new InvalidRefreshTokenError('expired_or_revoked');
        if (session.in_grace) throw new InvalidRefreshTokenError('rotated');
        await m.query(
          `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'refresh_token_reused' WHERE id = $1`,
          [parsed.sessionId],
        );
        // Commit the revocation, then refuse.
        return null;
      }
      const [user] = await m.query(`SELECT ${USER_COLUMNS}, active FROM users WHERE id = $1`, [rotated[0].user_id]);
      if (!user?.active) throw new UserDisabledError();
      return this.issue({ id: user.id, email: user.email, name: user.name, locale: user.locale }, parsed.sessionId, secret);
    }).then((pair) => pair ?? Promise.reject(new InvalidRefreshTokenError('reused')));
  }

  /** Ends a session: its refresh token and every access token issued for it stop working. */
  async logout(sessionId: string): Promise<void> {
    await this.uow.manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** The user behind a live session, or undefined when the session ended or the user was disabled. */
  async sessionUser(sessionId: string, userId: string): Promise<PublicUser | undefined> {
    const [row] = await this.uow.manager.query(
      `SELECT u.id, u.email, u.name, u.locale FROM auth_session s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return row;
  }

  private async issue(user: PublicUser, sessionId: string, secret: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    return { accessToken, refreshToken: `${sessionId}.${secret}`, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user };
  }
}
