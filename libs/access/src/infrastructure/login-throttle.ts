import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@oms/core';

/** Failures counted per window before a key is locked, and for how long. */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  accountFailures: 5,
  ipFailures: 30,
} as const;

export interface ThrottleKey {
  key: string;
  limit: number;
}

export const accountKey = (email: string): ThrottleKey => ({
  key: `account:${email.trim().toLowerCase()}`,
  limit: THROTTLE.accountFailures,
});
export const ipKey = (ip: string): ThrottleKey => ({ key: `ip:${ip}`, limit: THROTTLE.ipFailures });

export interface Admission {
  /** Seconds until the attempt may be made again; 0 when it may go on. */
  lockedFor: number;
  /** Keys this attempt locked. */
  locked: string[];
}

/**
 * Counts sign-in attempts per account (known or not, so a lockout reveals nothing) and per
 * client address. An attempt is counted before its password is checked, under the key's row
 * lock, so a burst of parallel guesses cannot get more than the limit through; a successful
 * sign-in takes its count back.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly uow: UnitOfWork) {}

  /** Counts the attempt; refuses it when a key is locked or this attempt goes over a limit. */
  admit(keys: ThrottleKey[]): Promise<Admission> {
    return this.uow.run(async (m) => {
      const result: Admission = { lockedFor: 0, locked: [] };
      // Always the same key order (account, then address), so concurrent attempts cannot deadlock.
      for (const { key, limit } of keys) {
        const [row] = await m.query(
          `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN t.locked_until > now() THEN t.failures
                             WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1
                             ELSE t.failures + 1 END,
             window_started_at = CASE WHEN t.locked_until > now() THEN t.window_started_at
                                      WHEN t.window_started_at < now() - make_interval(secs => $2) THEN now()
                                      ELSE t.window_started_at END
           RETURNING failures, coalesce(ceil(extract(epoch FROM t.locked_until - now())), 0)::int AS locked_for`,
          [key, THROTTLE.windowSeconds],
        );
        if (row.locked_for > 0) {
          result.lockedFor = Math.max(result.lockedFor, row.locked_for);
        } else if (row.failures > limit) {
          await this.lock(key);
          result.locked.push(key);
          result.lockedFor = Math.max(result.lockedFor, THROTTLE.lockSeconds);
        }
      }
      return result;
    });
  }

  /** After a failed password: locks the keys whose count reached their limit; returns them. */
  async failed(keys: ThrottleKey[]): Promise<string[]> {
    const locked: string[] = [];
    for (const { key, limit } of keys) {
      const [, count] = await this.uow.manager.query(
        `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $3), failures = 0, window_started_at = now()
         WHERE key = $1 AND failures >= $2 AND (locked_until IS NULL OR locked_until <= now())`,
        [key, limit, THROTTLE.lockSeconds],
      );
      if (count > 0) locked.push(key);
    }
    return locked;
  }

  /** After a successful sign-in: the account starts afresh and the address gets its attempt back. */
  async succeeded(account: ThrottleKey, ip?: ThrottleKey): Promise<void> {
    await this.clear(account.key);
    if (ip) {
      await this.uow.manager.query(
        `UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1 AND locked_until IS NULL`,
        [ip.key],
      );
    }
  }

  async clear(key: string): Promise<void> {
    await this.uow.manager.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }

  private async lock(key: string): Promise<void> {
    await this.uow.manager.query(
      `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2), failures = 0, window_started_at = now()
       WHERE key = $1`,
      [key, THROTTLE.lockSeconds],
    );
  }
}
