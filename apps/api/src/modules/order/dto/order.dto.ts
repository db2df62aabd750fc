import { NestedListOf } from '../../../common/nested';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  type CreateOrderRequest,
  type OrderItemInput,
  type OrderListQuery,
  OrderStatus,
  type PreviewOrderRequest,
} from '@sutwxapp/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { AddCartItemDto } from '../../cart/dto/cart.dto';

/** A remark may be empty (it is optional), but never carries control or bidi-override characters. */
const SAFE_TEXT_OR_EMPTY = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u;

/** An order line is validated exactly like a cart line: a SKU id and 1..999 pieces. */
export class OrderItemDto extends AddCartItemDto implements OrderItemInput {}

export class CreateOrderDto implements CreateOrderRequest {
  @ApiPropertyOptional({
    type: [OrderItemDto],
    description: '"buy now" lines; omit and set fromCart to order the selected cart items',
  })
  @IsOptional()
  @NestedListOf(() => OrderItemDto, 50, {
    tooFew: 'items must contain at least one line',
    tooMany: 'an order can have at most 50 lines',
  })
  items?: OrderItemDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  fromCart?: boolean;

  @ApiProperty()
  @IsInt({ message: 'addressId must be an integer id' })
  @Min(1, { message: 'addressId must be a positive id' })
  @Max(2_147_483_647)
  addressId!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'remark can be at most 200 characters' })
  @Matches(SAFE_TEXT_OR_EMPTY, { message: 'remark must not contain control or text-direction characters' })
  remark?: string;

  // the coupon and points the shopper chose at checkout
  @ApiPropertyOptional({ description: 'a usable coupon of the shopper (GET /coupons/mine)' })
  @IsOptional()
  @IsInt({ message: 'couponId must be an integer id' })
  @Min(1, { message: 'couponId must be a positive id' })
  @Max(2_147_483_647)
  couponId?: number;

  @ApiPropertyOptional({ description: 'points to spend' })
  @IsOptional()
  @IsInt({ message: 'points must be a whole number' })
  @Min(0, { message: 'points can not be negative' })
  @Max(100_000_000)
  points?: number;
}

/** A preview needs no address yet: the checkout shows goods and total before the first one exists. */
export class PreviewOrderDto
  extends OmitType(CreateOrderDto, ['addressId', 'remark', 'couponId'] as const)
  implements PreviewOrderRequest
{
  @ApiPropertyOptional({ description: 'omitted = the best usable coupon; null = none', nullable: true, type: Number })
  @IsOptional()
  @IsInt({ message: 'couponId must be an integer id or null' })
  @Min(1, { message: 'couponId must be a positive id' })
  @Max(2_147_483_647)
  couponId?: number | null;

  @ApiPropertyOptional({ description: 'the address the order would ship to; optional for a preview' })
  @IsOptional()
  @IsInt({ message: 'addressId must be an integer id' })
  @Min(1, { message: 'addressId must be a positive id' })
  @Max(2_147_483_647)
  addressId?: number;
}

export class OrderListQueryDto extends PageQueryDto implements OrderListQuery {
  @ApiPropertyOptional({ enum: Object.values(OrderStatus) })
  @IsOptional()
  @IsIn(Object.values(OrderStatus), { message: `status must be one of ${Object.values(OrderStatus).join(', ')}` })
  status?: OrderStatus;
}
