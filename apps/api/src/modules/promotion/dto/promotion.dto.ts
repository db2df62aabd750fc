import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type {
  AdminCouponListQuery,
  CouponKind,
  CouponOfferQuery,
  CouponScope,
  CouponTemplateInput,
  CouponTemplateUpdate,
  UserCouponQuery,
} from '@sutwxapp/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';

const FEN_MAX = 100_000_000;

export class CouponTemplateDto implements CouponTemplateInput {
  @ApiProperty({ maxLength: 64 })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(64, { message: 'name can be at most 64 characters' })
  name!: string;

  @ApiProperty({ enum: ['THRESHOLD', 'PERCENT', 'NO_THRESHOLD'] })
  @IsIn(['THRESHOLD', 'PERCENT', 'NO_THRESHOLD'], { message: 'kind must be THRESHOLD, PERCENT or NO_THRESHOLD' })
  kind!: CouponKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  thresholdFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  amountFen?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  percentOff?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FEN_MAX)
  maxDiscountFen?: number;

  @ApiPropertyOptional({ enum: ['ALL', 'CATEGORIES', 'PRODUCTS'] })
  @IsOptional()
  @IsIn(['ALL', 'CATEGORIES', 'PRODUCTS'], { message: 'scope must be ALL, CATEGORIES or PRODUCTS' })
  scope?: CouponScope;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  scopeIds?: number[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsISO8601({}, { message: 'validFrom must be an ISO date-time' })
  validFrom?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsISO8601({}, { message: 'validTo must be an ISO date-time' })
  validTo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays?: number | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  totalQuantity!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  perUserLimit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  issuing?: boolean;
}

/** Every field of the template, optional (PartialType keeps the validation and marks each optional). */
export class CouponTemplateUpdateDto extends PartialType(CouponTemplateDto) implements CouponTemplateUpdate {}

export class AdminCouponListQueryDto extends PageQueryDto implements AdminCouponListQuery {
  @ApiPropertyOptional({ description: 'only templates being issued (true) or stopped (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'issuing must be true or false' })
  issuing?: boolean;
}

export class CouponOfferQueryDto implements CouponOfferQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'productId must be an integer id' })
  @Min(1)
  @Max(2_147_483_647)
  productId?: number;
}

export class UserCouponQueryDto implements UserCouponQuery {
  @ApiPropertyOptional({ enum: ['usable', 'used', 'expired'] })
  @IsOptional()
  @IsIn(['usable', 'used', 'expired'], { message: 'status must be usable, used or expired' })
  status?: 'usable' | 'used' | 'expired';
}
