export const USER_LOCALES = ['en', 'zh-CN'] as const;

export type UserLocale = (typeof USER_LOCALES)[number];

/** A back-office account (`GET /api/users`); the password is never returned. */
export interface User {
  id: string;
  email: string;
  name: string;
  active: boolean;
  locale: UserLocale;
  roleIds: string[];
  warehouseIds: string[];
  channelIds: string[];
  lastSignInAt: string | null;
  signInCount: number;
  /** Set while sign-ins are refused after too many failures. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export const isLocked = (user: Pick<User, 'lockedUntil'> | undefined, now = Date.now()): boolean =>
  !!user?.lockedUntil && new Date(user.lockedUntil).getTime() > now;
