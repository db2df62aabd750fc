import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminAfterSaleListQuery,
  type AfterSaleByOrdersQuery,
  type AfterSaleListQuery,
  AfterSaleStatus,
  type AfterSaleType,
  type CreateAfterSaleRequest,
  type ReceiveReturnRequest,
  type RejectAfterSaleRequest,
  type ReturnShipmentRequest,
} from '@sutwxapp/contracts';
import { Type } from 'class-transformer';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IntRange } from '../../../common/validation-rules';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateAfterSaleDto implements CreateAfterSaleRequest {
  @ApiProperty()
  @IntRange(1, 2_147_483_647, { int: 'orderId must be an integer id' })
  orderId!: number;

  @ApiProperty()
  @IntRange(1, 2_147_483_647, { int: 'skuId must be an integer id' })
  skuId!: number;

  @ApiProperty()
  @IntRange(1, 999, { int: 'quantity must be a whole number', min: 'quantity must be at least 1' })
  quantity!: number;

  @ApiProperty({ enum: ['REFUND_ONLY', 'RETURN_REFUND'] })
  @IsIn(['REFUND_ONLY', 'RETURN_REFUND'], { message: 'type must be REFUND_ONLY or RETURN_REFUND' })
  type!: AfterSaleType;

  @ApiProperty({ maxLength: 64 })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(64, { message: 'reason can be at most 64 characters' })
  reason!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'description can be at most 500 characters' })
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 6 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6, { message: 'at most 6 photos' })
  @IsString({ each: true })
  photos?: string[];
}

export class AfterSaleListQueryDto implements AfterSaleListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IntRange(1, 2_147_483_647, { int: 'orderId must be an integer id' })
  orderId?: number;

  @ApiPropertyOptional({ enum: Object.values(AfterSaleStatus) })
  @IsOptional()
  @IsIn(Object.values(AfterSaleStatus), { message: 'status is not an after-sale status' })
  status?: AfterSaleStatus;
}

export class AdminAfterSaleListQueryDto extends PageQueryDto implements AdminAfterSaleListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IntRange(1, 2_147_483_647, 'orderId must be an integer id')
  orderId?: number;

  @ApiPropertyOptional({ enum: Object.values(AfterSaleStatus) })
  @IsOptional()
  @IsIn(Object.values(AfterSaleStatus), {
    message: `status must be one of ${Object.values(AfterSaleStatus).join(', ')}`,
  })
  status?: AfterSaleStatus;

  @ApiPropertyOptional({ enum: ['newest', 'oldest'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'oldest'], { message: 'sort must be newest or oldest' })
  sort?: 'newest' | 'oldest';
}

export class AfterSaleByOrdersQueryDto implements AfterSaleByOrdersQuery {
  @ApiProperty({ description: 'comma-separated order ids, at most 50', example: '1,2,3' })
  @IsString()
  @Matches(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,49}$/, {
    message: 'orderIds must be 1 to 50 order ids separated by commas, e.g. 1,2,3',
  })
  orderIds!: string;
}

export class RejectAfterSaleDto implements RejectAfterSaleRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(200, { message: 'reason can be at most 200 characters' })
  reason!: string;
}

export class ReturnShipmentDto implements ReturnShipmentRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  carrierCode!: string;

  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,32}$/, { message: 'trackingNo must be 4-32 letters, digits or -' })
  trackingNo!: string;
}

export class ReceiveReturnDto implements ReceiveReturnRequest {
  @ApiProperty()
  @IsBoolean()
  restock!: boolean;
}
