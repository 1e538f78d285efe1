import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** A bin is addressed zone-aisle-bay-level, e.g. A-01-03-2, and walked in `sequence` order. */
export class CreateBinDto {
  @ApiProperty() @IsUUID() warehouseId!: string;
  @ApiProperty({ example: 'A' }) @Matches(/^[A-Z0-9]{1,4}$/, { message: 'zone must be 1-4 capital letters or digits' }) zone!: string;
  @ApiProperty({ example: '01' }) @Matches(/^[0-9]{1,3}$/, { message: 'aisle must be 1-3 digits' }) aisle!: string;
  @ApiProperty({ example: '03' }) @Matches(/^[0-9]{1,3}$/, { message: 'bay must be 1-3 digits' }) bay!: string;
  @ApiProperty({ example: '2' }) @Matches(/^[0-9]{1,2}$/, { message: 'level must be 1-2 digits' }) level!: string;
  @ApiProperty({ example: 10, description: 'Walking order through the warehouse' }) @IsInt() @Min(0) @Max(10_000_000) sequence!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateBinDto extends PartialType(CreateBinDto) {}
