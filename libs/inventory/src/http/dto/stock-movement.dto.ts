import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength, NotEquals, IsOptional } from 'class-validator';

export class CreateStockMovementDto {
  @ApiProperty({ example: 'TSHIRT-BLU-M' }) @IsString() @MinLength(1) @MaxLength(64) sku!: string;
  @ApiProperty() @IsUUID() warehouseId!: string;

  @ApiProperty({ enum: ['receipt', 'adjustment'], description: 'Other movements come from orders, transfers and returns' })
  @IsIn(['receipt', 'adjustment'])
  type!: 'receipt' | 'adjustment';

  @ApiProperty({ example: 100, description: 'Units: positive for a receipt; an adjustment may be negative' })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ example: '采购入库 PO-2026-001' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @ApiPropertyOptional({ example: 'PO-2026-001' }) @IsOptional() @IsString() @MaxLength(200) reference?: string;

  @ApiPropertyOptional({ description: 'A bin of the warehouse: received or found units go straight into it; removed units come out of it' })
  @IsOptional()
  @IsUUID()
  binId?: string;
}

export class UpdateStockLevelDto {
  @ApiPropertyOptional({ example: 10, description: 'Available at or below this raises a low-stock event; null clears it' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  lowStockThreshold?: number | null;
}

export class CreateStockTransferDto {
  @ApiProperty({ example: 'TSHIRT-BLU-M' }) @IsString() @MinLength(1) @MaxLength(64) sku!: string;
  @ApiProperty() @IsUUID() fromWarehouseId!: string;
  @ApiProperty() @IsUUID() toWarehouseId!: string;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @ApiProperty({ example: '调拨 补货华南' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reference?: string;
  @ApiPropertyOptional({ description: 'The source bin, when the units are in bins' }) @IsOptional() @IsUUID() fromBinId?: string;
  @ApiPropertyOptional({ description: 'A bin of the destination the units go straight into' }) @IsOptional() @IsUUID() toBinId?: string;
}
