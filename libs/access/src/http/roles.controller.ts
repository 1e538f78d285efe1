import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTIONS, Can, listResource, parseListQuery, RecordBody, SUBJECT_FIELDS, UnitOfWork } from '@oms/core';
import { ROLE_READ_ONLY, ROLES, RolesService } from '../application/roles.service.js';
import { CreateRoleDto, UpdateRoleDto } from './dto/role.dto.js';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('roles')
export class RolesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly roles: RolesService,
  ) {}

  @Get()
  @Can('read', 'Role')
  @ApiOperation({ summary: 'Roles and their permission rules (simple-rest list)' })
  list(@Query() query: Record<string, unknown>) {
    return listResource(this.uow.manager, ROLES, parseListQuery(query, ROLES));
  }

  @Get(':id')
  @Can('read', 'Role')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.roles.get(id);
  }

  @Post()
  @Can('create', 'Role')
  create(@Body() dto: CreateRoleDto) {
    return this.roles.create(dto);
  }

  @Put(':id')
  @Can('update', 'Role')
  @ApiOperation({ summary: 'Edit a role; its users get the new permissions on their next request' })
  update(@Param('id', ParseUUIDPipe) id: string, @RecordBody(UpdateRoleDto, ROLE_READ_ONLY) dto: UpdateRoleDto) {
    return this.roles.update(id, dto);
  }

  @Delete(':id')
  @Can('delete', 'Role')
  remove(@Param('id', ParseUUIDPipe) id: string) {
    return this.roles.remove(id);
  }
}

@ApiTags('roles')
@ApiBearerAuth()
@Controller('permission-catalog')
export class PermissionCatalogController {
  @Get()
  @Can('read', 'Role')
  @ApiOperation({ summary: 'What a permission rule may name: actions, subjects with their fields, placeholders' })
  catalog() {
    return {
      actions: ACTIONS,
      subjects: Object.entries(SUBJECT_FIELDS).map(([name, fields]) => ({ name, fields })),
      placeholders: ['${user.id}', '${user.email}', '${user.warehouseIds}', '${user.channelIds}'],
    };
  }
}
