import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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

const COUNTRY = /^[A-Z]{2}$/;

export class AddressDto {
  @ApiProperty({ example: 'CN' }) @Matches(COUNTRY, { message: 'country must be an ISO 3166 code such as CN' }) country!: string;
  @ApiProperty({ example: '浙江省' }) @IsString() @MinLength(1) @MaxLength(100) province!: string;
  @ApiProperty({ example: '杭州市' }) @IsString() @MinLength(1) @MaxLength(100) city!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) district?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) line1!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) line2?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postcode?: string;
}

export class GeoDto {
  @ApiProperty() @IsNumber() @Min(-90) @Max(90) lat!: number;
  @ApiProperty() @IsNumber() @Min(-180) @Max(180) lng!: number;
}

/** Where a warehouse ships to: a country, optionally narrowed to a province or postcode prefix. */
export class RegionDto {
  @ApiProperty({ example: 'CN' }) @Matches(COUNTRY, { message: 'country must be an ISO 3166 code such as CN' }) country!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) province?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) postcodePrefix?: string;
}

/** One line of the cost table: to this region, parcels up to this weight cost this much. */
export class CostLineDto extends RegionDto {
  @ApiProperty({ example: 1000 }) @IsInt() @Min(1) upToGrams!: number;
  @ApiProperty({ example: 800 }) @IsInt() @Min(0) feeMinor!: number;
}

export class CreateWarehouseDto {
  @ApiProperty({ example: 'HZ-01' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: 'code must be 1-32 letters, digits, _ or -' })
  code!: string;

  @ApiProperty({ example: '杭州仓 Hangzhou' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ enum: ['physical', 'virtual', 'third_party'] })
  @IsIn(['physical', 'virtual', 'third_party'])
  type!: 'physical' | 'virtual' | 'third_party';

  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) address!: AddressDto;

  @ApiPropertyOptional({ type: GeoDto }) @IsOptional() @ValidateNested() @Type(() => GeoDto) geo?: GeoDto | null;

  @ApiPropertyOptional({ type: [RegionDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RegionDto)
  regions?: RegionDto[];

  @ApiPropertyOptional({ description: 'Lower ships first when strategies tie' }) @IsOptional() @IsInt() @Min(0) @Max(10000) priority?: number;

  @ApiPropertyOptional({ type: [CostLineDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => CostLineDto)
  costTable?: CostLineDto[];

  @ApiPropertyOptional({ type: [String], description: 'Virtual warehouses: the physical warehouses they pool' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({
    description: 'Virtual warehouses: the sales channel whose orders alone may use the pooled stock; null: any channel',
  })
  @IsOptional() @IsUUID('all', { message: 'channelId must be a UUID' })
  channelId?: string | null;

  @ApiPropertyOptional({ example: '16:00', description: 'Orders after this local time ship the next day' })
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'cutoffTime must be HH:MM' })
  cutoffTime?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpdateWarehouseDto extends PartialType(CreateWarehouseDto) {}
