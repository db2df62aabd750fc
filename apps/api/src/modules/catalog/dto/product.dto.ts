import { NestedList, NestedListOf } from '../../../common/nested';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATALOG_LIMITS as L,
  type CreateProductRequest,
  type SkuInput,
  type SpecAxis,
  type SpecValues,
  type StockAdjustmentRequest,
  type UpdateProductRequest,
  type UpdateSkuRequest,
} from '@sutwxapp/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
} from 'class-validator';
import { IMAGE_URL, IsOptionalNotNull, IsSpecValues, PLAIN_TEXT } from './validators';

const PRICE = `must be an integer number of fen from ${L.priceMin} to ${L.priceMax}`;
const STOCK = `stock must be an integer from 0 to ${L.stockMax}`;
const TITLE = /^(?!\s)(?!.*\s$)[^\p{Cc}]+$/u;

/* Rules shared by the create and update shapes (update adds IsOptionalNotNull / IsOptional). */
const IsFen = (field: string): PropertyDecorator =>
  applyDecorators(
    IsInt({ message: `${field} ${PRICE}` }),
    Min(L.priceMin, { message: `${field} ${PRICE}` }),
    Max(L.priceMax, { message: `${field} ${PRICE}` }),
  );
const IsStock = (): PropertyDecorator =>
  applyDecorators(IsInt({ message: STOCK }), Min(0, { message: STOCK }), Max(L.stockMax, { message: STOCK }));
const IsSkuCode = (): PropertyDecorator => applyDecorators(IsString(), Length(1, 64));
/** An optional free text (null allowed), at most `max` characters. */
const IsOptionalText = (max: number): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ nullable: true }), IsOptional(), IsString(), MaxLength(max));
/** Null or absent: ORDER_MAX_UNITS_PER_SKU applies. */
const IsPurchaseLimit = (): PropertyDecorator => {
  const message = 'purchaseLimit must be a whole number from 1 to 999, or null';
  return applyDecorators(
    ApiPropertyOptional({
      nullable: true,
      example: 5,
      description: 'most units of this SKU one order may hold; null: ORDER_MAX_UNITS_PER_SKU',
    }),
    IsOptional(),
    IsInt({ message }),
    Min(1, { message }),
    Max(999, { message }),
  );
};
const IsTitle = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Length(1, 128, { message: 'title must be 1 to 128 characters' }),
    Matches(TITLE, { message: 'title must not start or end with spaces or contain control characters' }),
  );
const IsCategoryId = (): PropertyDecorator =>
  applyDecorators(
    IsInt({ message: 'categoryId must be a category id' }),
    Min(1, { message: 'categoryId must be a category id' }),
  );
const IsImageList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(L.imagesMax),
    IsString({ each: true }),
    Matches(IMAGE_URL, {
      each: true,
      message: 'each image must be media:<id> (an uploaded image), a path starting with / or an http(s) URL',
    }),
  );
const IsAxisList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(L.specAxesMax),
    NestedList(() => SpecAxisDto),
  );

export class SpecAxisDto implements SpecAxis {
  @ApiProperty({ example: '颜色' })
  @IsString()
  @Matches(PLAIN_TEXT, { message: 'an axis name must be 1-32 characters without surrounding spaces' })
  name!: string;

  @ApiProperty({ example: ['黑', '白'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'an axis needs at least one value' })
  @ArrayMaxSize(L.specValuesMax)
  @IsString({ each: true })
  @Matches(PLAIN_TEXT, { each: true, message: 'each value must be 1-32 characters without surrounding spaces' })
  values!: string[];
}

export class SkuInputDto implements SkuInput {
  @ApiProperty({ example: { 颜色: '黑', 尺码: 'M' } })
  @IsSpecValues()
  specs!: SpecValues;

  @ApiProperty({ description: 'fen', example: 9900 })
  @IsFen('price')
  price!: number;

  @ApiPropertyOptional({ description: 'fen', nullable: true, example: 12900 })
  @IsOptional()
  @IsFen('originalPrice')
  originalPrice?: number | null;

  @ApiProperty({ example: 100 })
  @IsStock()
  stock!: number;

  @ApiPropertyOptional({ nullable: true, example: 'TS-BLK-M' })
  @IsOptional()
  @IsSkuCode()
  code?: string | null;

  @IsPurchaseLimit()
  purchaseLimit?: number | null;
}

export class UpdateSkuDto implements UpdateSkuRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsSpecValues()
  specs?: SpecValues;

  @ApiPropertyOptional({ description: 'fen' })
  @IsOptionalNotNull()
  @IsFen('price')
  price?: number;

  @ApiPropertyOptional({ description: 'fen', nullable: true })
  @IsOptional()
  @IsFen('originalPrice')
  originalPrice?: number | null;

  @ApiPropertyOptional({ description: 'sets the stock to this number (use stock-adjustments for +/-)' })
  @IsOptionalNotNull()
  @IsStock()
  stock?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsSkuCode()
  code?: string | null;

  @IsPurchaseLimit()
  purchaseLimit?: number | null;
}

export class CreateProductDto implements CreateProductRequest {
  @ApiProperty({ example: '无线蓝牙耳机 Pro' })
  @IsTitle()
  title!: string;

  @IsOptionalText(255)
  subtitle?: string | null;

  @IsOptionalText(20_000)
  description?: string | null;

  @ApiProperty()
  @IsCategoryId()
  categoryId!: number;

  @ApiProperty({ example: ['media:12'], description: 'uploaded images as media:<id> (POST /admin/media), or URLs' })
  @IsImageList()
  images!: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  onShelf?: boolean;

  @ApiProperty({ type: [SpecAxisDto] })
  @IsAxisList()
  specAxes!: SpecAxisDto[];

  @ApiProperty({ type: [SkuInputDto] })
  @NestedListOf(() => SkuInputDto, L.skusMax, { tooFew: 'a product needs at least one SKU' })
  skus!: SkuInputDto[];
}

export class UpdateProductDto implements UpdateProductRequest {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsTitle()
  title?: string;

  @IsOptionalText(255)
  subtitle?: string | null;

  @IsOptionalText(20_000)
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsCategoryId()
  categoryId?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsImageList()
  images?: string[];

  @ApiPropertyOptional({ description: 'false takes the product off the shelf' })
  @IsOptionalNotNull()
  @IsBoolean()
  onShelf?: boolean;

  @ApiPropertyOptional({ type: [SpecAxisDto], description: 'every live SKU must still fit' })
  @IsOptionalNotNull()
  @IsAxisList()
  specAxes?: SpecAxisDto[];
}

export class StockAdjustmentDto implements StockAdjustmentRequest {
  @ApiProperty({ example: -3, description: 'relative change; the stock never goes below zero' })
  @IsInt({ message: 'delta must be a non-zero integer' })
  @NotEquals(0, { message: 'delta must be a non-zero integer' })
  @Min(-L.stockMax, { message: `delta must be between -${L.stockMax} and ${L.stockMax}` })
  @Max(L.stockMax, { message: `delta must be between -${L.stockMax} and ${L.stockMax}` })
  delta!: number;

  @ApiProperty({ example: '盘点修正' })
  @IsString()
  @Length(1, 255, { message: 'reason must be 1 to 255 characters' })
  @Matches(TITLE, { message: 'reason must not be blank' })
  reason!: string;
}
