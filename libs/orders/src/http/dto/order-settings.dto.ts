import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsObject, IsOptional, ValidateIf } from 'class-validator';

/** Checked in depth by the settings service (rule names, parameter types and ranges, block-list kinds). */
export class OrderSettingsDto {
  @ApiPropertyOptional({ example: { autoApprove: true, rules: { amount_review: { enabled: true, params: { thresholdMinor: 500000 } } } } })
  @IsOptional() @IsObject()
  audit?: Record<string, unknown>;

  @ApiPropertyOptional({ example: [{ kind: 'phone', value: '13800000000' }] })
  @IsOptional() @IsArray()
  blockList?: unknown[];
}

export class ChannelAutoApproveDto {
  @ApiProperty({ nullable: true, description: 'null: follow the global auto-approval switch' })
  @ValidateIf((_, v) => v !== null) @IsBoolean({ message: 'autoApprove must be true, false or null' })
  autoApprove!: boolean | null;
}
