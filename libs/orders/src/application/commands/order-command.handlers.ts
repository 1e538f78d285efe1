import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrdersService } from '../orders.service.js';
import {
  AddRemarkCommand,
  AllocateOrderByHandCommand,
  ApproveOrderCommand,
  CancelOrderCommand,
  CompleteOrderCommand,
  ConfirmCancelCommand,
  ConfirmPaymentCommand,
  CreateOrderCommand,
  HoldOrderCommand,
  MergeOrdersCommand,
  RecordDeliveryCommand,
  RefuseCancelCommand,
  RejectOrderCommand,
  ReleaseOrderCommand,
  SetTagsCommand,
  ShipOrderCommand,
  SplitOrderCommand,
  StartFulfillmentCommand,
  UpdateAddressCommand,
  UpdateLinesCommand,
} from './order.commands.js';

/*
 * One handler per order command. Each runs the command's use case in OrdersService, which locks
 * the order, checks the caller's permission on it, lets the aggregate decide, and saves the order,
 * its timeline, its audit-log entry and its events (to the outbox) in one transaction.
 */

type Status = { id: string; status: string };

@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand, { id: string; created: boolean }> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: CreateOrderCommand) {
    return this.orders.create(c.input);
  }
}

@CommandHandler(ConfirmPaymentCommand)
export class ConfirmPaymentHandler implements ICommandHandler<ConfirmPaymentCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: ConfirmPaymentCommand) {
    return this.orders.confirmPayment(c.orderId, c.payment);
  }
}

@CommandHandler(ApproveOrderCommand)
export class ApproveOrderHandler implements ICommandHandler<ApproveOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: ApproveOrderCommand) {
    return this.orders.approve(c.orderId, c.reason);
  }
}

@CommandHandler(RejectOrderCommand)
export class RejectOrderHandler implements ICommandHandler<RejectOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: RejectOrderCommand) {
    return this.orders.reject(c.orderId, c.reason);
  }
}

@CommandHandler(HoldOrderCommand)
export class HoldOrderHandler implements ICommandHandler<HoldOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: HoldOrderCommand) {
    return this.orders.hold(c.orderId, c.reason);
  }
}

@CommandHandler(ReleaseOrderCommand)
export class ReleaseOrderHandler implements ICommandHandler<ReleaseOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: ReleaseOrderCommand) {
    return this.orders.release(c.orderId);
  }
}

@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: CancelOrderCommand) {
    return this.orders.cancel(c.orderId, c.reason);
  }
}

@CommandHandler(StartFulfillmentCommand)
export class StartFulfillmentHandler implements ICommandHandler<StartFulfillmentCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: StartFulfillmentCommand) {
    return this.orders.startFulfillment(c.orderId);
  }
}

@CommandHandler(ShipOrderCommand)
export class ShipOrderHandler implements ICommandHandler<ShipOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: ShipOrderCommand) {
    return this.orders.ship(c.orderId, c.shipment);
  }
}

@CommandHandler(RecordDeliveryCommand)
export class RecordDeliveryHandler implements ICommandHandler<RecordDeliveryCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: RecordDeliveryCommand) {
    return this.orders.recordDelivery(c.orderId);
  }
}

@CommandHandler(CompleteOrderCommand)
export class CompleteOrderHandler implements ICommandHandler<CompleteOrderCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: CompleteOrderCommand) {
    return this.orders.complete(c.orderId);
  }
}

@CommandHandler(ConfirmCancelCommand)
export class ConfirmCancelHandler implements ICommandHandler<ConfirmCancelCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: ConfirmCancelCommand) {
    return this.orders.confirmCancel(c.orderId);
  }
}

@CommandHandler(RefuseCancelCommand)
export class RefuseCancelHandler implements ICommandHandler<RefuseCancelCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: RefuseCancelCommand) {
    return this.orders.refuseCancel(c.orderId, c.reason);
  }
}

@CommandHandler(UpdateAddressCommand)
export class UpdateAddressHandler implements ICommandHandler<UpdateAddressCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: UpdateAddressCommand) {
    return this.orders.updateAddress(c.orderId, c.address);
  }
}

@CommandHandler(UpdateLinesCommand)
export class UpdateLinesHandler implements ICommandHandler<UpdateLinesCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: UpdateLinesCommand) {
    return this.orders.updateLines(c.orderId, c.lines);
  }
}

@CommandHandler(AddRemarkCommand)
export class AddRemarkHandler implements ICommandHandler<AddRemarkCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: AddRemarkCommand) {
    return this.orders.addRemark(c.orderId, c.remark);
  }
}

@CommandHandler(SetTagsCommand)
export class SetTagsHandler implements ICommandHandler<SetTagsCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: SetTagsCommand) {
    return this.orders.setTags(c.orderId, c.tags);
  }
}

@CommandHandler(SplitOrderCommand)
export class SplitOrderHandler implements ICommandHandler<SplitOrderCommand, { id: string; children: string[] }> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: SplitOrderCommand) {
    return this.orders.split(c.orderId, c.parts);
  }
}

@CommandHandler(MergeOrdersCommand)
export class MergeOrdersHandler implements ICommandHandler<MergeOrdersCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: MergeOrdersCommand) {
    return this.orders.merge(c.orderId, c.orderIds);
  }
}

@CommandHandler(AllocateOrderByHandCommand)
export class AllocateOrderByHandHandler implements ICommandHandler<AllocateOrderByHandCommand, Status> {
  constructor(private readonly orders: OrdersService) {}
  execute(c: AllocateOrderByHandCommand) {
    return this.orders.allocate(c.orderId, c.picks);
  }
}

export const ORDER_COMMAND_HANDLERS = [
  CreateOrderHandler,
  ConfirmPaymentHandler,
  ApproveOrderHandler,
  RejectOrderHandler,
  HoldOrderHandler,
  ReleaseOrderHandler,
  CancelOrderHandler,
  StartFulfillmentHandler,
  ShipOrderHandler,
  RecordDeliveryHandler,
  CompleteOrderHandler,
  ConfirmCancelHandler,
  RefuseCancelHandler,
  UpdateAddressHandler,
  UpdateLinesHandler,
  AddRemarkHandler,
  SetTagsHandler,
  SplitOrderHandler,
  MergeOrdersHandler,
  AllocateOrderByHandHandler,
];
