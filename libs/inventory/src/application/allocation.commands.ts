import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AllocationRecord, type AllocationRequest, AllocationService, type ManualPick } from './allocation.service.js';

/**
 * What the orders context sends inventory. Each command is idempotent where a retry could
 * repeat it: allocating an order twice returns the first allocation; releasing twice releases
 * nothing more.
 */
export class AllocateOrderCommand {
  constructor(
    readonly request: AllocationRequest,
    readonly actorId: string | null = null,
  ) {}
}

export class OverrideAllocationCommand {
  constructor(
    readonly orderId: string,
    readonly picks: ManualPick[],
    readonly actorId: string | null = null,
  ) {}
}

export class ReleaseOrderStockCommand {
  constructor(
    readonly orderId: string,
    readonly actorId: string | null = null,
  ) {}
}

@CommandHandler(AllocateOrderCommand)
export class AllocateOrderHandler implements ICommandHandler<AllocateOrderCommand, AllocationRecord> {
  constructor(private readonly allocation: AllocationService) {}
  execute(c: AllocateOrderCommand): Promise<AllocationRecord> {
    return this.allocation.allocate(c.request, c.actorId);
  }
}

@CommandHandler(OverrideAllocationCommand)
export class OverrideAllocationHandler implements ICommandHandler<OverrideAllocationCommand, AllocationRecord> {
  constructor(private readonly allocation: AllocationService) {}
  execute(c: OverrideAllocationCommand): Promise<AllocationRecord> {
    return this.allocation.override(c.orderId, c.picks, c.actorId);
  }
}

@CommandHandler(ReleaseOrderStockCommand)
export class ReleaseOrderStockHandler implements ICommandHandler<ReleaseOrderStockCommand> {
  constructor(private readonly allocation: AllocationService) {}
  execute(c: ReleaseOrderStockCommand) {
    return this.allocation.releaseOrder(c.orderId, c.actorId);
  }
}

export const ALLOCATION_COMMAND_HANDLERS = [AllocateOrderHandler, OverrideAllocationHandler, ReleaseOrderStockHandler];
