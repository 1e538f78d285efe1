import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateProductDto {
  @ApiProperty({ example: 'TSHIRT-BLU-M' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, { message: 'sku must be 1-64 letters, digits, . _ / - (starting with a letter or digit)' })
  sku!: string;

  @ApiProperty({ example: '纯棉T恤 Cotton T-shirt' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ example: { color: 'blue', size: 'M' }, description: 'Specification / variant' })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], example: ['6901234567892'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[0-9A-Za-z-]{4,64}$/, { each: true, message: 'each barcode must be 4-64 letters, digits or -' })
  barcodes?: string[];

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) weightGrams?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) lengthMm?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) widthMm?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) heightMm?: number;

  @ApiProperty({ example: 9900, description: 'Unit price in minor units (fen, cents)' })
  @IsInt()
  @Min(0)
  priceMinor!: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency!: string;

  @ApiPropertyOptional({ description: 'Most units one customer may buy per period (order audit)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  purchaseLimit?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateProductDto extends PartialType(CreateProductDto) {}
