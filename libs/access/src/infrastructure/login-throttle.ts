import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@oms/core';

/** Failures counted per window before a key is locked, and for how long. */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  accountFailures: 5,
  ipFailures: 30,
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Counts failed sign-ins per account (known or not, so a lockout reveals nothing) and per
 * client address, and locks a key for a while once it reaches its limit.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly uow: UnitOfWork) {}

  /** Seconds until the longest lock among `keys` ends; 0 when none is locked. */
  async lockedFor(keys: string[]): Promise<number> {
    const [row] = await this.uow.manager.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
       FROM login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    return row?.seconds ?? 0;
  }

  /** Records a failure; returns the keys this failure locked. */
  async fail(keys: { key: string; limit: number }[]): Promise<string[]> {
    const locked: string[] = [];
    for (const { key, limit } of keys) {
      const [row] = await this.uow.manager.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2)
                                    THEN now() ELSE t.window_started_at END
         RETURNING failures`,
        [key, THROTTLE.windowSeconds],
      );
      if (row.failures >= limit) {
        const [, count] = await this.uow.manager.query(
          `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2), failures = 0, window_started_at = now()
           WHERE key = $1 AND (locked_until IS NULL OR locked_until <= now())`,
          [key, THROTTLE.lockSeconds],
        );
        if (count > 0) locked.push(key);
      }
    }
    return locked;
  }

  async clear(key: string): Promise<void> {
    await this.uow.manager.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
