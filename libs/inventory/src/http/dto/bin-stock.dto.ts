import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

class BinStockChangeDto {
  @ApiProperty({ example: 'TEE-WHITE-M' }) @IsString() @MinLength(1) @MaxLength(64) sku!: string;
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @ApiPropertyOptional({ example: '上架 PO-2026-001' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @ApiPropertyOptional({ example: 'PO-2026-001' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;
}

/** Unbinned units (received, not yet put away) go into a bin. */
export class PutawayDto extends BinStockChangeDto {
  @ApiProperty() @IsUUID() binId!: string;
}

/** Units go from one bin to another of the same warehouse. */
export class BinMoveDto extends BinStockChangeDto {
  @ApiProperty() @IsUUID() fromBinId!: string;
  @ApiProperty() @IsUUID() toBinId!: string;
}

/** Units come out of a bin and lie unbinned (staged for packing, or set aside). */
export class TakeOutDto extends BinStockChangeDto {
  @ApiProperty() @IsUUID() binId!: string;
}
