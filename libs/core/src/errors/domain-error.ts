export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unauthorized' | 'rate_limited';

/**
 * Base of every business error. `code` is stable, machine-readable and doubles as the
 * admin panel's i18n key (`errors.<code>`).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id: string) {
    super('not_found', 'not_found', `${resource} ${id} was not found`, { resource, id });
  }
}

export class InvalidInputError extends DomainError {
  constructor(
    message: string,
    fields: { field: string; message: string }[],
    code = 'validation.failed',
  ) {
    super(code, 'invalid', message, { fields });
  }
}
