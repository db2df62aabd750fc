import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ADMIN_ORDER_SORTS,
  type AdminOrderFilter,
  type AdminOrderListQuery,
  type AdminOrderSort,
  OrderStatus,
} from '@sutwxapp/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const STATUSES = Object.values(OrderStatus);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** words of a title: no control or text-direction characters */
const PLAIN_TEXT = /^[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/u;

/**
 * The console's order filters (GET /admin/orders/export.csv; with paging, GET /admin/orders).
 * Each refusal names the field and what it takes; `from` after `to` is refused by the query service.
 */
export class AdminOrderFilterDto implements AdminOrderFilter {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status 须为以下之一：${STATUSES.join(', ')}` })
  status?: OrderStatus;

  @ApiPropertyOptional({
    description: 'first day (Beijing time) the orders were placed on, yyyy-MM-dd',
    example: '2025-01-01',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from 须为日期 yyyy-MM-dd（北京时间），如 2025-01-31' })
  @IsISO8601({ strict: true }, { message: 'from 须为存在的日期 yyyy-MM-dd（北京时间），如 2025-01-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'last day (Beijing time, included), yyyy-MM-dd', example: '2025-01-31' })
  @IsOptional()
  @Matches(DAY, { message: 'to 须为日期 yyyy-MM-dd（北京时间），如 2025-01-31' })
  @IsISO8601({ strict: true }, { message: 'to 须为存在的日期 yyyy-MM-dd（北京时间），如 2025-01-31' })
  to?: string;

  @ApiPropertyOptional({ description: 'the order number or its beginning', maxLength: 32 })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[A-Za-z0-9]{1,32}$/, { message: 'orderNo 须为订单号（或其开头部分）：1–32 位字母或数字' })
  orderNo?: string;

  @ApiPropertyOptional({
    description: "the receiver's mobile number (11 digits), or its last 4 to 10 digits",
    pattern: '^\\d{4,11}$',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d{4,11}$/, { message: 'phone 须为 11 位手机号，或其后 4–10 位数字' })
  phone?: string;

  @ApiPropertyOptional({
    description: 'digits only: a product id; anything else: words of a product title as sold',
    maxLength: 64,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'product 须为商品 ID 或商品标题中的文字' })
  @MinLength(1, { message: 'product 不能为空' })
  @MaxLength(64, { message: 'product 最多 64 个字符' })
  @Matches(PLAIN_TEXT, { message: 'product 不能含控制字符' })
  product?: string;

  @ApiPropertyOptional({ enum: ADMIN_ORDER_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(ADMIN_ORDER_SORTS, { message: `sort 须为以下之一：${ADMIN_ORDER_SORTS.join(', ')}` })
  sort?: AdminOrderSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order 须为 asc 或 desc' })
  order?: 'asc' | 'desc';
}

export class AdminOrderListQueryDto
  extends IntersectionType(PageQueryDto, AdminOrderFilterDto)
  implements AdminOrderListQuery {}
