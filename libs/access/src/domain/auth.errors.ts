import { DomainError } from '@oms/core';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('auth.invalid_credentials', 'unauthorized', 'The email or password is wrong');
  }
}

export class UserDisabledError extends DomainError {
  constructor() {
    super('auth.user_disabled', 'forbidden', 'This account has been disabled');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor(reason: 'invalid' | 'expired_or_revoked' | 'rotated' | 'reused') {
    const messages = {
      invalid: 'The refresh token is malformed',
      expired_or_revoked: 'The session has expired or was ended; sign in again',
      rotated: 'The refresh token was already exchanged; use the newest one',
      reused: 'A refresh token was used twice; the session was ended for safety',
    };
    super('auth.invalid_refresh_token', 'unauthorized', messages[reason], { reason });
  }
}

export class AccountLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('auth.locked', 'rate_limited', 'Too many failed sign-ins; try again later', { retryAfterSeconds });
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super('auth.wrong_password', 'invalid', 'The current password is wrong', {
      fields: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
}

export class WeakPasswordError extends DomainError {
  constructor(field: string, problems: string[]) {
    super('users.weak_password', 'invalid', `The password ${problems.join(', ')}`, {
      fields: problems.map((message) => ({ field, message })),
    });
  }
}
