import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { SHORTAGE_POLICIES, type ShortagePolicy, STRATEGIES, type Strategy } from '../../domain/allocation/allocation-engine.js';

export class AllocationSettingDto {
  @ApiProperty({ enum: STRATEGIES, isArray: true, example: ['nearest', 'priority'], description: 'In order: each one breaks the ties of the one before' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @ArrayUnique() @IsIn(STRATEGIES, { each: true })
  strategies!: Strategy[];

  @ApiProperty({ enum: SHORTAGE_POLICIES, description: 'What happens when no warehouse can ship the whole order' })
  @IsIn(SHORTAGE_POLICIES)
  shortagePolicy!: ShortagePolicy;

  @ApiPropertyOptional({ type: [String], description: 'Only these warehouses (a virtual one stands for its members); empty: all' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  warehouseIds?: string[];
}

export class CreateChannelAllocationSettingDto extends AllocationSettingDto {
  @ApiProperty({ description: 'The sales channel these settings are for' })
  @IsUUID('all', { message: 'channelId must be a UUID' })
  channelId!: string;
}

export const ALLOCATION_SETTING_READ_ONLY = ['id', 'channelId', 'version', 'updatedAt', 'updatedBy'];
