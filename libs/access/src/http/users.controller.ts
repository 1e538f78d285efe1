import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Can, listResource, parseListQuery, RecordBody, UnitOfWork } from '@oms/core';
import { USER_READ_ONLY, USERS, UsersService } from '../application/users.service.js';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Can('read', 'User')
  @ApiOperation({ summary: 'Back-office users (simple-rest list)' })
  @ApiQuery({ name: 'filter', required: false, example: '{"q":"li","active":true}' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, USERS, parseListQuery(query, USERS));
  }

  @Get(':id')
  @Can('read', 'User')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Post()
  @Can('create', 'User')
  @ApiOperation({ summary: 'Create a user; the password must meet the policy and is never returned' })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Put(':id')
  @Can('update', 'User')
  @ApiOperation({ summary: 'Edit a user; send the record as read. A password here resets it; disabling ends their sessions' })
  update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateUserDto, USER_READ_ONLY) dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Delete(':id')
  @Can('delete', 'User')
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.remove(id);
  }

  @Post(':id/reset-password')
  @Can('update', 'User')
  @HttpCode(200)
  @ApiOperation({ summary: "Set a user's password; every session of theirs ends at once" })
  resetPassword(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(id, dto.password);
  }

  @Post(':id/unlock')
  @Can('update', 'User')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a sign-in lockout' })
  unlock(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.unlock(id);
  }
}
