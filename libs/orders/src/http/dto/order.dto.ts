import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PAYMENT_METHOD_KEYS } from '../../domain/payment-methods.js';

const MAX_MINOR = 1e13;

/** A ship-to address. Only the country is required here: the audit flags an incomplete address for staff to fix. */
export class OrderAddressDto {
  @ApiProperty({ example: 'CN' }) @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 code such as CN' }) country!: string;
  @ApiProperty({ example: '浙江省' }) @IsString() @MaxLength(100) province!: string;
  @ApiProperty({ example: '杭州市' }) @IsString() @MaxLength(100) city!: string;
  @ApiPropertyOptional({ example: '余杭区' }) @IsOptional() @IsString() @MaxLength(100) district?: string;
  @ApiProperty({ example: '文一西路 969 号' }) @IsString() @MaxLength(300) line1!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) line2?: string;
  @ApiPropertyOptional({ example: '311121' }) @IsOptional() @IsString() @MaxLength(20) postcode?: string;
}

export class OrderCustomerDto {
  @ApiProperty({ example: '张三' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ example: '13800138000' }) @IsString() @MinLength(1) @MaxLength(40) phone!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(200) email?: string;
}

export class OrderLineDto {
  @ApiProperty({ example: 'TEE-WHITE-M' }) @IsString() @MinLength(1) @MaxLength(64) sku!: string;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(100000) quantity!: number;
  @ApiProperty({ example: 9900 }) @IsInt() @Min(0) @Max(MAX_MINOR) unitPriceMinor!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) discountMinor?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) taxMinor?: number;
}

export class OrderPaymentDto {
  @ApiProperty({ enum: PAYMENT_METHOD_KEYS }) @IsIn(PAYMENT_METHOD_KEYS) method!: string;
  @ApiProperty({ enum: ['paid', 'pending'] }) @IsIn(['paid', 'pending']) status!: 'paid' | 'pending';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) paidAmountMinor?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reference?: string;
}

export class DeliveryDto {
  @ApiPropertyOptional({ example: 'SF' }) @IsOptional() @IsString() @MaxLength(50) preferredCarrier?: string;
  @ApiPropertyOptional({ example: '2026-12-01' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'promisedDate must be a date such as 2026-12-01' })
  promisedDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) instructions?: string;
}

export class CreateOrderDto {
  @ApiPropertyOptional({ description: 'Sales channel id; the built-in manual channel when absent' })
  @IsOptional() @IsUUID('all', { message: 'channel must be a UUID' })
  channel?: string;

  @ApiPropertyOptional({ description: "The channel's own order id: the same one twice is one order" })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  externalId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) externalNumber?: string;

  @ApiProperty({ type: OrderCustomerDto }) @ValidateNested() @Type(() => OrderCustomerDto) customer!: OrderCustomerDto;

  @ApiProperty({ type: OrderAddressDto }) @ValidateNested() @Type(() => OrderAddressDto) shippingAddress!: OrderAddressDto;

  @ApiProperty({ type: [OrderLineDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OrderLineDto)
  lines!: OrderLineDto[];

  @ApiProperty({ example: 'CNY' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' }) currency!: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) shippingFeeMinor?: number;

  @ApiProperty({ type: OrderPaymentDto }) @ValidateNested() @Type(() => OrderPaymentDto) payment!: OrderPaymentDto;

  @ApiPropertyOptional({ description: "The buyer's remark" }) @IsOptional() @IsString() @MaxLength(1000) remark?: string;

  @ApiPropertyOptional({ type: DeliveryDto }) @IsOptional() @ValidateNested() @Type(() => DeliveryDto) delivery?: DeliveryDto;

  @ApiPropertyOptional({ description: 'Higher is handled first', example: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true })
  tags?: string[];
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ description: 'Required to approve an order with open exceptions ("approve anyway")' })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class ConfirmPaymentDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_MINOR) paidAmountMinor?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reference?: string;
}

export class UpdateAddressDto {
  @ApiProperty({ type: OrderAddressDto }) @ValidateNested() @Type(() => OrderAddressDto) shippingAddress!: OrderAddressDto;
}

export class UpdateLinesDto {
  @ApiProperty({ type: [OrderLineDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}

export class RemarkDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) remark!: string;
}

export class TagsDto {
  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true })
  tags!: string[];
}

export class BulkDto {
  @ApiProperty({ type: [String] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'ids must be order ids (UUIDs)' })
  ids!: string[];

  @ApiPropertyOptional({ description: 'Required for hold and cancel; for approve, approves anyway orders with open exceptions' })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class SplitPartLineDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lineId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100000) quantity!: number;
}

export class SplitDto {
  @ApiProperty({ description: 'Each part becomes a child order: [[{lineId, quantity}], ...]; the order keeps the rest' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20)
  @ValidateNested({ each: true }) @Type(() => SplitPartDto)
  parts!: SplitPartDto[];
}

export class SplitPartDto {
  @ApiProperty({ type: [SplitPartLineDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => SplitPartLineDto)
  lines!: SplitPartLineDto[];
}

export class MergeDto {
  @ApiProperty({ type: [String], description: 'Orders merged into this one (then cancelled as merged)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'orderIds must be order ids (UUIDs)' })
  orderIds!: string[];
}

export class AllocatePickDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lineId!: string;
  @ApiProperty() @IsUUID('all', { message: 'warehouseId must be a UUID' }) warehouseId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(100000) quantity!: number;
}

export class AllocateDto {
  @ApiPropertyOptional({ description: 'Ship the whole order from this warehouse' })
  @IsOptional() @IsUUID('all', { message: 'warehouseId must be a UUID' })
  warehouseId?: string;

  @ApiPropertyOptional({ type: [AllocatePickDto], description: 'Or: which warehouse ships how much of which line' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AllocatePickDto)
  lines?: AllocatePickDto[];
}

export class ShipDto {
  @ApiProperty({ example: 'SF' }) @IsString() @MinLength(1) @MaxLength(100) carrier!: string;
  @ApiProperty({ example: 'SF1234567890' }) @IsString() @MinLength(1) @MaxLength(100) trackingNumber!: string;
}
