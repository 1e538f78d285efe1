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

export class InsufficientStockError extends DomainError {
  constructor(sku: string, warehouseId: string, available: number, requested: number) {
    super(
      'stock.insufficient',
      'conflict',
      `Only ${available} of ${sku} can be taken from this warehouse (asked for ${requested})`,
      { sku, warehouseId, available, requested },
    );
  }
}

export class UnknownSkuError extends DomainError {
  constructor(sku: string) {
    super('stock.unknown_sku', 'invalid', `No product has the SKU ${sku}`, { fields: [{ field: 'sku', message: 'is not in the catalogue' }] });
  }
}

export class UnknownWarehouseError extends DomainError {
  constructor(id: string, why: string) {
    super('stock.unknown_warehouse', 'invalid', `Warehouse ${id} ${why}`, { fields: [{ field: 'warehouseId', message: why }] });
  }
}

export class BinTakenError extends DomainError {
  constructor(code: string) {
    super('bins.code_taken', 'conflict', `This warehouse already has a bin ${code}`, { fields: [{ field: 'code', message: 'is already taken' }] });
  }
}
