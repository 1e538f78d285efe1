import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type AllocationRecord, type AllocationRequest, AllocationService, type ManualPick } from './allocation.service.js';
import { ReservationsService } from './reservations.service.js';

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

/** Shipped: what the order holds leaves the warehouse (its open reservations are consumed). Consuming twice consumes nothing more. */
export class ConsumeOrderStockCommand {
  constructor(
    readonly orderId: string,
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

@CommandHandler(ConsumeOrderStockCommand)
export class ConsumeOrderStockHandler implements ICommandHandler<ConsumeOrderStockCommand, number> {
  constructor(private readonly reservations: ReservationsService) {}
  execute(c: ConsumeOrderStockCommand): Promise<number> {
    return this.reservations.consume(c.orderId, undefined, c.actorId ?? undefined);
  }
}

export const ALLOCATION_COMMAND_HANDLERS = [AllocateOrderHandler, OverrideAllocationHandler, ReleaseOrderStockHandler, ConsumeOrderStockHandler];
