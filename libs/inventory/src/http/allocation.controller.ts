import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, RecordBody, requireResource, UnitOfWork } from '@oms/core';
import { ALLOCATION_SETTINGS, AllocationSettingsService } from '../application/allocation-settings.service.js';
import { ALLOCATIONS, BACKORDERS } from '../application/allocation.resources.js';
import { ALLOCATION_SETTING_READ_ONLY, AllocationSettingDto, CreateChannelAllocationSettingDto } from './dto/allocation.dto.js';

/** How orders are allocated: the default and per-channel strategies, shortage policy and warehouses. */
@ApiTags('allocation')
@ApiBearerAuth()
@Controller('allocation-settings')
export class AllocationSettingsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly settings: AllocationSettingsService,
  ) {}

  @Get()
  @Can('read', 'Setting')
  @ApiOperation({ summary: 'The default allocation setting (id "default") and each channel’s own' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, ALLOCATION_SETTINGS, parseListQuery(query, ALLOCATION_SETTINGS));
  }

  @Get(':id')
  @Can('read', 'Setting')
  get(@Param('id') id: string) {
    return this.settings.get(id);
  }

  @Post()
  @Can('update', 'Setting')
  @ApiOperation({ summary: 'Give a channel its own allocation setting' })
  create(@Body() dto: CreateChannelAllocationSettingDto) {
    const { channelId, ...setting } = dto;
    return this.settings.create(channelId, setting);
  }

  @Put(':id')
  @Can('update', 'Setting')
  update(@Param('id') id: string, @RecordBody(AllocationSettingDto, ALLOCATION_SETTING_READ_ONLY) dto: AllocationSettingDto) {
    return this.settings.put(id, dto);
  }

  @Delete(':id')
  @Can('update', 'Setting')
  @ApiOperation({ summary: 'A channel goes back to the default setting' })
  remove(@Param('id') id: string) {
    return this.settings.remove(id);
  }
}

/** Every allocation of every order, with its explanation (the order page shows them). */
@ApiTags('allocation')
@ApiBearerAuth()
@Controller('allocations')
export class AllocationsController {
  constructor(private readonly uow: UnitOfWork) {}

  @Get()
  @Can('read', 'Order')
  @ApiOperation({ summary: 'Allocations (simple-rest list); filter by orderId, status, trigger' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, ALLOCATIONS, parseListQuery(query, ALLOCATIONS));
  }

  @Get(':id')
  @Can('read', 'Order')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return requireResource(this.uow.manager, ALLOCATIONS, id, 'Allocation');
  }
}

/** Order lines waiting for stock, oldest paid first. */
@ApiTags('allocation')
@ApiBearerAuth()
@Controller('backorders')
export class BackordersController {
  constructor(private readonly uow: UnitOfWork) {}

  @Get()
  @Can('read', 'Order')
  @ApiOperation({ summary: 'Backordered lines (simple-rest list); filter by orderId, sku, status' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, BACKORDERS, parseListQuery(query, BACKORDERS));
  }
}
