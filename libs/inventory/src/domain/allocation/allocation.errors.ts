import { DomainError } from '@oms/core';

/** Allocation request that cannot be carried out as given. */
export class InvalidAllocationError extends DomainError {
  constructor(message: string, field: string) {
    super('allocation.invalid', 'invalid', message, { fields: [{ field, message }] });
  }
}

/** The order gave its stock back (it was cancelled): nothing more is allocated to it. */
export class AllocationReleasedError extends DomainError {
  constructor(orderId: string) {
    super('allocation.order_released', 'conflict', `Order ${orderId} has released its stock: it cannot be allocated again`, { orderId });
  }
}

export class AllocationNotFoundError extends DomainError {
  constructor(orderId: string) {
    super('allocation.not_found', 'not_found', `Order ${orderId} has not been allocated yet`, { orderId });
  }
}

/** The warehouse an operator picked cannot ship: unknown, virtual, inactive or outside their warehouses. */
export class WarehouseNotAllowedError extends DomainError {
  constructor(warehouseId: string, why: string, field: string) {
    super('allocation.warehouse_not_allowed', 'invalid', `Warehouse ${warehouseId} ${why}`, { warehouseId, fields: [{ field, message: why }] });
  }
}

export class AllocationSettingExistsError extends DomainError {
  constructor(channelId: string) {
    super('allocation.setting_exists', 'conflict', `Channel ${channelId} already has its own allocation setting`, {
      fields: [{ field: 'channelId', message: 'already has a setting' }],
    });
  }
}
