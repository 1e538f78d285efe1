import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '@oms/core';
import { OrderSettingsService } from '../application/order-settings.service.js';
import { ChannelAutoApproveDto, OrderSettingsDto } from './dto/order-settings.dto.js';

/** The order audit's rules, parameters and auto-approval, and the block list. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('order-settings')
export class OrderSettingsController {
  constructor(private readonly settings: OrderSettingsService) {}

  @Get()
  @Can('read', 'Setting')
  @ApiOperation({ summary: 'Audit rules (enabled, parameters), auto-approval and the block list' })
  get() {
    return this.settings.get();
  }

  @Put()
  @Can('update', 'Setting')
  @ApiOperation({ summary: 'Change the audit rules, auto-approval or the block list (each part optional)' })
  put(@Body() dto: OrderSettingsDto) {
    return this.settings.put(dto);
  }

  @Put('channels/:channelId')
  @Can('update', 'Setting')
  @ApiOperation({ summary: "A channel's own auto-approval: true, false, or null to follow the global switch" })
  channel(@Param('channelId', ParseUUIDPipe) channelId: string, @Body() dto: ChannelAutoApproveDto) {
    return this.settings.setChannelAutoApprove(channelId, dto.autoApprove);
  }
}
