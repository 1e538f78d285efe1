import { DomainError } from '@oms/core';

export class WarehouseCodeTakenError extends DomainError {
  constructor(code: string) {
    super('warehouses.code_taken', 'conflict', `Another warehouse already has the code ${code}`, {
      fields: [{ field: 'code', message: 'is already taken' }],
    });
  }
}

export class InvalidPoolError extends DomainError {
  constructor(message: string) {
    super('warehouses.invalid_pool', 'invalid', message, { fields: [{ field: 'memberIds', message }] });
  }
}
