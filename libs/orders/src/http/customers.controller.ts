import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, UnitOfWork } from '@oms/core';
import { CUSTOMERS, Customers } from '../application/customers.js';

/** Customers, built from orders: their order count, total spent, first and last order, and history. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly customers: Customers,
  ) {}

  @Get()
  @Can('read', 'Customer')
  @ApiOperation({ summary: 'Customers (simple-rest list); q searches name, phone and email' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, CUSTOMERS, parseListQuery(query, CUSTOMERS));
  }

  @Get(':id')
  @Can('read', 'Customer')
  @ApiOperation({ summary: 'A customer with their latest orders' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.customers.get(id);
  }
}
