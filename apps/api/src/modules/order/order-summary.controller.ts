import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { OrderStatus, OrderSummary } from '@sutwxapp/contracts';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { OrderSummaryService } from './order-summary.service';

class OrderStatusCountsResponse implements Record<OrderStatus, number> {
  @ApiProperty({ description: '待付款' }) PENDING_PAYMENT!: number;
  @ApiProperty({ description: '待发货' }) PAID!: number;
  @ApiProperty({ description: '待收货' }) SHIPPED!: number;
  @ApiProperty({ description: '已完成' }) COMPLETED!: number;
  @ApiProperty({ description: '已取消' }) CANCELLED!: number;
  @ApiProperty({ description: '退款中' }) REFUNDING!: number;
  @ApiProperty({ description: '已退款' }) REFUNDED!: number;
}

class OrderSummaryResponse implements OrderSummary {
  @ApiProperty({ description: "all of the shopper's orders" }) total!: number;
  @ApiProperty({ type: OrderStatusCountsResponse, description: 'orders per state; 0 for states with none' })
  byStatus!: OrderStatusCountsResponse;
}

/** Beside OrderController (same path prefix): the static `summary` route wins over `:id`. */
@ApiTags('orders')
@Controller('orders')
@ShopperOnly()
export class OrderSummaryController {
  constructor(private readonly summary: OrderSummaryService) {}

  @Get('summary')
  @ApiOperation({ summary: "Counts of the shopper's orders per state (the me page's badges, one request)" })
  @ApiOkResponse({ type: OrderSummaryResponse })
  get(@CurrentUserId() userId: number): Promise<OrderSummary> {
    return this.summary.summarise(userId);
  }
}
