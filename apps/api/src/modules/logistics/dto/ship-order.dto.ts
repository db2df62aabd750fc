import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type BulkShipRequest,
  type BulkShipRow,
  type ParcelInput,
  type ParcelItem,
  type ShipOrderRequest,
  TRACKING_NO_PATTERN,
} from '@sutwxapp/contracts';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { NestedListOf } from '../../../common/nested';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** WeChat's shipping-info upload takes at most 15 parcels (shipping_list) per order. */
export const MAX_PARCELS = 15;
export const MAX_BULK_ROWS = 500;

const CarrierCode = (): PropertyDecorator =>
  applyDecorators(
    Transform(trim),
    IsString({ message: '$property must be a carrier code' }),
    Matches(/\S/, { message: '$property must not be empty' }),
    MaxLength(32, { message: '$property can be at most 32 characters' }),
  );

const TrackingNo = (): PropertyDecorator =>
  applyDecorators(
    Transform(trim),
    IsString({ message: '$property must be text' }),
    Matches(TRACKING_NO_PATTERN, { message: '$property must be 4 to 32 letters and digits' }),
  );

export class ParcelItemDto implements ParcelItem {
  @ApiProperty()
  @IsInt({ message: 'skuId must be an integer id' })
  @Min(1, { message: 'skuId must be a positive id' })
  @Max(2_147_483_647)
  skuId!: number;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(999, { message: 'quantity can be at most 999' })
  quantity!: number;
}

export class ParcelInputDto implements ParcelInput {
  @ApiProperty({ example: 'yuantong', description: 'a code from GET /logistics/carriers' })
  @CarrierCode()
  carrierCode!: string;

  @ApiProperty({ example: 'YT4629130296173' })
  @TrackingNo()
  trackingNo!: string;

  @ApiPropertyOptional({ type: [ParcelItemDto], description: 'the pieces in this parcel (all parcels or none)' })
  @IsOptional()
  @NestedListOf(() => ParcelItemDto, 50, { tooFew: 'a parcel with items holds at least one line' })
  items?: ParcelItemDto[];
}

/** One parcel (`carrierCode` + `trackingNo`) or several (`parcels`); the service refuses both at once. */
export class ShipOrderDto implements ShipOrderRequest {
  @ApiPropertyOptional({ example: 'yuantong', description: 'one parcel: a code from GET /logistics/carriers' })
  @ValidateIf((o: ShipOrderDto) => o.parcels === undefined || o.carrierCode !== undefined)
  @CarrierCode()
  carrierCode?: string;

  @ApiPropertyOptional({ example: 'YT4629130296173' })
  @ValidateIf((o: ShipOrderDto) => o.parcels === undefined || o.trackingNo !== undefined)
  @TrackingNo()
  trackingNo?: string;

  @ApiPropertyOptional({
    type: [ParcelInputDto],
    description: `several parcels (split shipping), at most ${MAX_PARCELS}; the first one is tracked for the shopper`,
  })
  @IsOptional()
  @NestedListOf(() => ParcelInputDto, MAX_PARCELS, {
    tooFew: 'parcels must hold at least one parcel',
    tooMany: `WeChat takes at most ${MAX_PARCELS} parcels per order`,
  })
  parcels?: ParcelInputDto[];
}

/**
 * A bulk-ship row is only bounded here: its fields are checked row by row by the service, so one
 * bad row is reported in its result instead of refusing the whole file.
 */
export class BulkShipRowDto implements BulkShipRow {
  @ApiPropertyOptional({ description: "the row's line in the file" })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'line must be a whole number' })
  @Min(1, { message: 'line must be at least 1' })
  @Max(1_000_000)
  line?: number;

  @ApiProperty({ maxLength: 64 })
  @IsString({ message: 'orderNo must be text' })
  @MaxLength(64, { message: 'orderNo can be at most 64 characters' })
  orderNo!: string;

  @ApiProperty({ maxLength: 64 })
  @IsString({ message: 'carrierCode must be text' })
  @MaxLength(64, { message: 'carrierCode can be at most 64 characters' })
  carrierCode!: string;

  @ApiProperty({ maxLength: 64 })
  @IsString({ message: 'trackingNo must be text' })
  @MaxLength(64, { message: 'trackingNo can be at most 64 characters' })
  trackingNo!: string;
}

export class BulkShipDto implements BulkShipRequest {
  @ApiProperty({ type: [BulkShipRowDto], description: `1 to ${MAX_BULK_ROWS} rows` })
  @NestedListOf(() => BulkShipRowDto, MAX_BULK_ROWS, {
    tooFew: 'rows must hold at least one row',
    tooMany: `at most ${MAX_BULK_ROWS} rows per request: split the file`,
  })
  rows!: BulkShipRowDto[];
}
