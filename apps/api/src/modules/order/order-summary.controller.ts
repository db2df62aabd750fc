import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrderSummary } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { OrderSummaryService } from './order-summary.service';

/** Beside OrderController (same path prefix): the static `summary` route wins over `:id`. */
@ApiTags('orders')
@Controller('orders')
@ShopperOnly()
export class OrderSummaryController {
  constructor(private readonly summary: OrderSummaryService) {}

  @Get('summary')
  @ApiRoute({
    summary: "Counts of the shopper's orders per state (the me page's badges, one request)",
    ok: { 200: 'OrderSummary' },
  })
  get(@CurrentUserId() userId: number): Promise<OrderSummary> {
    return this.summary.summarise(userId);
  }
}
