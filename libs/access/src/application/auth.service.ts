import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditTrail, newId, OutboxService, type PermissionRule, UnitOfWork } from '@oms/core';
import {
  AccountLockedError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  UserDisabledError,
  WeakPasswordError,
  WrongPasswordError,
} from '../domain/auth.errors.js';
import { passwordProblems } from '../domain/password-policy.js';
import { UserSignedIn } from '../domain/user-signed-in.event.js';
import { accountKey, ipKey, LoginThrottle } from '../infrastructure/login-throttle.js';
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

/** A live session's user with what their roles allow, loaded on every request. */
export interface SessionUser extends PublicUser {
  roleIds: string[];
  roles: { id: string; name: string }[];
  warehouseIds: string[];
  channelIds: string[];
  /** Every rule of every role; grants first, then refusals, so a refusal in any role wins. */
  permissions: PermissionRule[];
}

const USER_COLUMNS = 'id, email, name, locale, token_version';

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Signs in. An unknown email and a wrong password get the same answer after the same work;
   * too many failures lock the account (known or not) and the client address for a while.
   */
  async login(email: string, password: string, client: ClientInfo): Promise<TokenPair> {
    const normalized = email.trim().toLowerCase();
    const account = accountKey(normalized);
    const address = client.ip ? ipKey(client.ip) : undefined;
    const keys = address ? [account, address] : [account];
    const actor = { email: normalized };
    const admission = await this.throttle.admit(keys);
    if (admission.lockedFor > 0) {
      await this.recordLocks(admission.locked, actor);
      await this.audit.record({
        action: 'auth.login_failed',
        outcome: 'denied',
        entityType: 'User',
        actor,
        details: { reason: 'locked' },
      });
      throw new AccountLockedError(admission.lockedFor);
    }
    const [row] = await this.uow.manager.query(
      `SELECT ${USER_COLUMNS}, password_hash, active FROM users WHERE email = $1`,
      [normalized],
    );
    const ok = await this.hasher.verify(row?.password_hash, password);
    // A disabled account answers like a wrong password: the right one must not be confirmed.
    if (!row || !ok || !row.active) {
      await this.uow.run(async () => {
        const locked = await this.throttle.failed(keys);
        const who = { id: row?.id ?? null, email: normalized };
        await this.audit.record({
          action: 'auth.login_failed',
          outcome: 'failed',
          entityType: 'User',
          entityId: row?.id,
          actor: who,
          details: { reason: !row ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled' },
        });
        await this.recordLocks(locked, who, row?.id);
      });
      throw new InvalidCredentialsError();
    }
    const user: PublicUser = { id: row.id, email: row.email, name: row.name, locale: row.locale };
    const sessionId = newId();
    const secret = newRefreshSecret();
    await this.uow.run(async (m) => {
      await this.throttle.succeeded(account, address);
      await this.audit.record({ action: 'auth.login', entityType: 'User', entityId: user.id, actor: user, details: { sessionId } });
      await m.query(
        `INSERT INTO auth_session (id, user_id, refresh_hash, expires_at, user_agent, ip)
         VALUES ($1, $2, $3, now() + make_interval(days => $4), $5, $6)`,
        [sessionId, user.id, hashSecret(secret), REFRESH_TOKEN_TTL_DAYS, client.userAgent?.slice(0, 500) ?? null, client.ip ?? null],
      );
      await this.outbox.append([
        new UserSignedIn('user', user.id, { userId: user.id, sessionId }, { actorId: user.id }),
      ]);
    });
    return this.issue(user, row.token_version, sessionId, secret);
  }

  private async recordLocks(keys: string[], actor: { id?: string | null; email: string }, userId?: string) {
    for (const key of keys) {
      await this.audit.record({ action: 'auth.locked', outcome: 'denied', entityType: 'User', entityId: userId, actor, details: { key } });
    }
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
      const pub = { id: user.id, email: user.email, name: user.name, locale: user.locale };
      return this.issue(pub, user.token_version, parsed.sessionId, secret);
    }).then((pair) => pair ?? Promise.reject(new InvalidRefreshTokenError('reused')));
  }

  /** Ends a session: its refresh token and every access token issued for it stop working. */
  async logout(sessionId: string, userId: string): Promise<void> {
    await this.uow.run(async (m) => {
      await m.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`,
        [sessionId],
      );
      await this.audit.record({ action: 'auth.logout', entityType: 'User', entityId: userId, details: { sessionId } });
    });
  }

  /**
   * The user behind a live session with their roles' rules, or undefined when the session
   * ended, the user was disabled, or their token version moved on (password reset).
   */
  async sessionUser(sessionId: string, userId: string, tokenVersion: number): Promise<SessionUser | undefined> {
    const [row] = await this.uow.manager.query(
      `SELECT u.id, u.email, u.name, u.locale, u.warehouse_ids, u.channel_ids,
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name) ORDER BY r.name)
                        FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id), '[]') AS roles,
              coalesce((SELECT jsonb_agg(e.rule ORDER BY (e.rule->>'inverted')::boolean IS TRUE, r.name, e.ord)
                        FROM user_role ur JOIN role r ON r.id = ur.role_id
                        CROSS JOIN LATERAL jsonb_array_elements(r.permissions) WITH ORDINALITY AS e(rule, ord)
                        WHERE ur.user_id = u.id), '[]') AS permissions
       FROM auth_session s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active
         AND u.token_version = $3`,
      [sessionId, userId, tokenVersion],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      roles: row.roles,
      roleIds: row.roles.map((r: { id: string }) => r.id),
      warehouseIds: row.warehouse_ids,
      channelIds: row.channel_ids,
      permissions: row.permissions,
    };
  }

  /** Changes one's own password; every other session of the user ends. */
  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const [row] = await this.uow.manager.query(`SELECT email, password_hash FROM users WHERE id = $1`, [userId]);
    // Guessing the current password here counts like guessing it at sign-in.
    const account = accountKey(row.email);
    const admission = await this.throttle.admit([account]);
    if (admission.lockedFor > 0) throw new AccountLockedError(admission.lockedFor);
    if (!(await this.hasher.verify(row.password_hash, current))) {
      await this.throttle.failed([account]);
      throw new WrongPasswordError();
    }
    await this.throttle.succeeded(account);
    const problems = passwordProblems(next, row.email);
    if (problems.length) throw new WeakPasswordError('newPassword', problems);
    const hash = await this.hasher.hash(next);
    await this.uow.run(async (m) => {
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, hash]);
      await m.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'password_changed'
         WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
        [userId, sessionId],
      );
      await this.audit.record({
        action: 'user.change_password',
        entityType: 'User',
        entityId: userId,
        // Stand-ins, not the passwords: the trail shows that the password changed, redacted.
        before: { password: 'previous' },
        after: { password: 'new' },
        details: { otherSessionsEnded: true },
      });
    });
  }

  private async issue(user: PublicUser, tokenVersion: number, sessionId: string, secret: string): Promise<TokenPair> {
    const claims: AccessClaims = { sub: user.id, sid: sessionId, tv: tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    return { accessToken, refreshToken: `${sessionId}.${secret}`, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user };
  }
}
