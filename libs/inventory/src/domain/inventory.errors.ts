import { DomainError } from '@oms/core';

export class WarehouseCodeTakenError extends DomainError {
  constructor(code: string) {
    super('warehouses.code_taken', 'conflict', `Another warehouse already has the code ${code}`, {
      fields: [{ field: 'code', message: 'is already taken' }],
    });
  }
}

export class InvalidPoolError extends DomainError {
  constructor(message: string, field = 'memberIds') {
    super('warehouses.invalid_pool', 'invalid', message, { fields: [{ field, message }] });
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

export class UnknownBinError extends DomainError {
  constructor(id: string, field = 'binId') {
    super('bins.unknown', 'invalid', `Bin ${id} does not exist`, { fields: [{ field, message: 'is not a bin' }] });
  }
}

export class BinInOtherWarehouseError extends DomainError {
  constructor(code: string, warehouseId: string, field = 'binId') {
    super('bins.other_warehouse', 'invalid', `Bin ${code} is not in warehouse ${warehouseId}`, {
      bin: code,
      warehouseId,
      fields: [{ field, message: 'is in another warehouse' }],
    });
  }
}

export class BinInactiveError extends DomainError {
  constructor(code: string, field = 'binId') {
    super('bins.inactive', 'invalid', `Bin ${code} is inactive: nothing can be put into it`, {
      bin: code,
      fields: [{ field, message: 'is inactive' }],
    });
  }
}

/** A bin holds fewer units of the SKU than asked for. */
export class BinStockShortError extends DomainError {
  constructor(sku: string, code: string, available: number, requested: number) {
    super('bins.insufficient', 'conflict', `Bin ${code} holds only ${available} of ${sku} (asked for ${requested})`, {
      sku,
      bin: code,
      available,
      requested,
    });
  }
}

/** Putting away more than waits outside the bins. */
export class UnbinnedShortError extends DomainError {
  constructor(sku: string, warehouseId: string, available: number, requested: number) {
    super('bins.unbinned_short', 'conflict', `Only ${available} of ${sku} wait to be put away in this warehouse (asked for ${requested})`, {
      sku,
      warehouseId,
      available,
      requested,
    });
  }
}

/** Taking stock out of a warehouse beyond what lies outside its bins: the caller must say which bin. */
export class BinRequiredError extends DomainError {
  constructor(sku: string, warehouseId: string, available: number, requested: number) {
    super(
      'stock.bin_required',
      'conflict',
      `Only ${available} of ${sku} lie outside bins in this warehouse (asked to take ${requested}): name the bin to take them from`,
      { sku, warehouseId, available, requested, fields: [{ field: 'binId', message: 'is needed: the units are in bins' }] },
    );
  }
}

export class BinNotEmptyError extends DomainError {
  constructor(code: string, units: number) {
    super('bins.not_empty', 'conflict', `Bin ${code} still holds ${units} units: move them out before deactivating it`, {
      bin: code,
      units,
      fields: [{ field: 'active', message: 'the bin still holds stock' }],
    });
  }
}
