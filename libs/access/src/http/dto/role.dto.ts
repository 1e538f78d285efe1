import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { PermissionRule } from '@oms/core';

export class CreateRoleDto {
  @ApiProperty({ example: 'Night shift' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ description: 'CASL rules {action, subject, conditions?, fields?, inverted?, reason?}' })
  @IsArray()
  permissions!: PermissionRule[];
}

export class UpdateRoleDto extends PartialType(CreateRoleDto) {}
