import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActionForbiddenError, Can, DomainError, Idempotent, listResource, parseListQuery, RequestContext, UnitOfWork } from '@oms/core';
import type { Response } from 'express';
import { ORDERS, OrderQueries } from '../application/order.queries.js';
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
} from '../application/commands/order.commands.js';
import {
  AllocateDto,
  ApproveDto,
  BulkDto,
  MergeDto,
  SplitDto,
  ConfirmPaymentDto,
  CreateOrderDto,
  ReasonDto,
  RemarkDto,
  ShipDto,
  TagsDto,
  UpdateAddressDto,
  UpdateLinesDto,
} from './dto/order.dto.js';

/** Orders: manual entry, the list with its status tabs, the order page, its timeline, and one endpoint per command. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly commands: CommandBus,
    private readonly queries: OrderQueries,
  ) {}

  @Get()
  @Can('read', 'Order')
  @ApiOperation({ summary: 'Orders (simple-rest list); filters: q, status, channelId, warehouseId, dates, sku, tag, flag, ...' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, ORDERS, parseListQuery(query, ORDERS));
  }

  @Get('status-counts')
  @Can('read', 'Order')
  @ApiOperation({ summary: 'How many orders each status tab holds' })
  statusCounts() {
    return this.queries.statusCounts();
  }

  @Post('bulk/:action')
  @HttpCode(200)
  @Can('read', 'Order')
  @ApiOperation({ summary: 'approve, hold or cancel many orders; each id succeeds or fails on its own, reported per id' })
  async bulk(@Param('action') action: string, @Body() dto: BulkDto) {
    const run: Record<string, (id: string) => Promise<unknown>> = {
      approve: (id) => this.commands.execute(new ApproveOrderCommand(id, dto.reason)),
      hold: (id) => this.commands.execute(new HoldOrderCommand(id, dto.reason ?? '')),
      cancel: (id) => this.commands.execute(new CancelOrderCommand(id, dto.reason ?? '')),
    };
    const one = run[action];
    if (!one) throw new BulkActionError(action);
    if (!RequestContext.current()?.ability?.can(action as 'approve' | 'hold' | 'cancel', 'Order')) {
      throw new ActionForbiddenError(action as 'approve' | 'hold' | 'cancel', 'Order');
    }
    if (action !== 'approve' && !dto.reason?.trim()) throw new BulkActionError(action, 'reason');
    const results = [];
    for (const id of [...new Set(dto.ids)]) {
      try {
        const done = (await one(id)) as { status: string };
        results.push({ id, ok: true, status: done.status });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ id, ok: false, error: { code: e.code, message: e.message } });
      }
    }
    return { action, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  @Get(':id')
  @Can('read', 'Order')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.get(id);
  }

  @Get(':id/timeline')
  @Can('read', 'Order')
  timeline(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.timeline(id);
  }

  @Post()
  @Idempotent()
  @Can('create', 'Order')
  @ApiOperation({ summary: 'Enter an order by hand; totals are computed. The same channel externalId twice returns the first order (200).' })
  async create(@Body() dto: CreateOrderDto, @Res({ passthrough: true }) res: Response) {
    const { id, created } = await this.commands.execute(new CreateOrderCommand(dto));
    res.status(created ? 201 : 200);
    return this.queries.get(id);
  }

  @Post(':id/confirm-payment')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  confirmPayment(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ConfirmPaymentDto) {
    return this.showAfter(id, this.commands.execute(new ConfirmPaymentCommand(id, dto)));
  }

  @Post(':id/approve')
  @Idempotent()
  @HttpCode(200)
  @Can('approve', 'Order')
  approve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveDto) {
    return this.showAfter(id, this.commands.execute(new ApproveOrderCommand(id, dto.reason)));
  }

  @Post(':id/reject')
  @Idempotent()
  @HttpCode(200)
  @Can('reject', 'Order')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.showAfter(id, this.commands.execute(new RejectOrderCommand(id, dto.reason)));
  }

  @Post(':id/hold')
  @Idempotent()
  @HttpCode(200)
  @Can('hold', 'Order')
  hold(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.showAfter(id, this.commands.execute(new HoldOrderCommand(id, dto.reason)));
  }

  @Post(':id/release')
  @Idempotent()
  @HttpCode(200)
  @Can('hold', 'Order')
  release(@Param('id', ParseUUIDPipe) id: string) {
    return this.showAfter(id, this.commands.execute(new ReleaseOrderCommand(id)));
  }

  @Post(':id/cancel')
  @Idempotent()
  @HttpCode(200)
  @Can('cancel', 'Order')
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.showAfter(id, this.commands.execute(new CancelOrderCommand(id, dto.reason)));
  }

  @Post(':id/start-fulfillment')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  @ApiOperation({ summary: 'Hand an allocated order to its warehouse (picking and packing start)' })
  startFulfillment(@Param('id', ParseUUIDPipe) id: string) {
    return this.showAfter(id, this.commands.execute(new StartFulfillmentCommand(id)));
  }

  @Post(':id/ship')
  @Idempotent()
  @HttpCode(200)
  @Can('ship', 'Order')
  @ApiOperation({ summary: 'Confirm the shipment (carrier and tracking number): the stock leaves; shipped, or partially shipped while some waits' })
  ship(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ShipDto) {
    return this.showAfter(id, this.commands.execute(new ShipOrderCommand(id, dto)));
  }

  @Post(':id/deliver')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  @ApiOperation({ summary: 'The carrier delivered the parcel' })
  deliver(@Param('id', ParseUUIDPipe) id: string) {
    return this.showAfter(id, this.commands.execute(new RecordDeliveryCommand(id)));
  }

  @Post(':id/complete')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  @ApiOperation({ summary: 'The customer confirmed receipt: the order is done' })
  complete(@Param('id', ParseUUIDPipe) id: string) {
    return this.showAfter(id, this.commands.execute(new CompleteOrderCommand(id)));
  }

  @Post(':id/confirm-cancel')
  @Idempotent()
  @HttpCode(200)
  @Can('cancel', 'Order')
  @ApiOperation({ summary: 'The warehouse stopped the parcel: the requested cancellation goes through' })
  confirmCancel(@Param('id', ParseUUIDPipe) id: string) {
    return this.showAfter(id, this.commands.execute(new ConfirmCancelCommand(id)));
  }

  @Post(':id/refuse-cancel')
  @Idempotent()
  @HttpCode(200)
  @Can('cancel', 'Order')
  @ApiOperation({ summary: 'The parcel could not be stopped: the order goes on' })
  refuseCancel(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ReasonDto) {
    return this.showAfter(id, this.commands.execute(new RefuseCancelCommand(id, dto.reason)));
  }

  @Post(':id/update-address')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  updateAddress(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAddressDto) {
    return this.showAfter(id, this.commands.execute(new UpdateAddressCommand(id, dto.shippingAddress)));
  }

  @Post(':id/update-lines')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  updateLines(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateLinesDto) {
    return this.showAfter(id, this.commands.execute(new UpdateLinesCommand(id, dto.lines)));
  }

  @Post(':id/add-remark')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  addRemark(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RemarkDto) {
    return this.showAfter(id, this.commands.execute(new AddRemarkCommand(id, dto.remark)));
  }

  @Post(':id/tags')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  tags(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TagsDto) {
    return this.showAfter(id, this.commands.execute(new SetTagsCommand(id, dto.tags)));
  }

  @Post(':id/split')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  @ApiOperation({ summary: 'Split lines and quantities off into child orders (before approval); answers the order and its children' })
  async split(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SplitDto) {
    const { children } = await this.commands.execute(new SplitOrderCommand(id, dto.parts.map((p) => p.lines)));
    return { ...(await this.queries.get(id)), children };
  }

  @Post(':id/merge')
  @Idempotent()
  @HttpCode(200)
  @Can('update', 'Order')
  @ApiOperation({ summary: 'Merge orders of the same customer, address and channel into this one (before approval)' })
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() dto: MergeDto) {
    return this.showAfter(id, this.commands.execute(new MergeOrdersCommand(id, dto.orderIds)));
  }

  @Post(':id/allocate')
  @Idempotent()
  @HttpCode(200)
  @Can('allocate', 'Order')
  @ApiOperation({ summary: 'Allocate by hand: a warehouse for the whole order, or warehouses and quantities per line' })
  allocate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: AllocateDto) {
    return this.showAfter(id, this.commands.execute(new AllocateOrderByHandCommand(id, dto)));
  }

  /** After a command, the order as the caller now sees it. */
  private async showAfter(id: string, done: Promise<unknown>) {
    await done;
    return this.queries.get(id);
  }
}

class BulkActionError extends DomainError {
  constructor(action: string, missing?: 'reason') {
    super(
      'validation.failed',
      'invalid',
      missing ? `${action} needs a reason` : `Bulk actions are approve, hold and cancel, not ${action}`,
      { fields: [{ field: missing ?? 'action', message: missing ? 'is required' : 'must be approve, hold or cancel' }] },
    );
  }
}
