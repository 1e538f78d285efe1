import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { PermissionRule } from '@oms/core';

export class UpdateRoleDto {
  @ApiPropertyOptional({ example: 'Night shift' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ description: 'CASL rules {action, subject, conditions?, fields?, inverted?, reason?}' })
  @IsOptional()
  @IsArray()
  permissions?: PermissionRule[];
}

export class CreateRoleDto extends UpdateRoleDto {
  @ApiProperty({ example: 'Night shift' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  declare name: string;

  @ApiProperty()
  @IsArray()
  declare permissions: PermissionRule[];
}
