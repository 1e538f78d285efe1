import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsObject, IsOptional } from 'class-validator';

/** Checked in depth by the settings service (rule names, parameter types and ranges, block-list kinds). */
export class OrderSettingsDto {
  @ApiPropertyOptional({ example: { autoApprove: true, rules: { amount_review: { enabled: true, params: { thresholdMinor: 500000 } } } } })
  @IsOptional() @IsObject()
  audit?: Record<string, unknown>;

  @ApiPropertyOptional({ example: [{ kind: 'phone', value: '13800000000' }] })
  @IsOptional() @IsArray()
  blockList?: unknown[];
}
