import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { Order, OrderPage } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly } from '../auth/guards/auth.guard';
import { OrderListQueryDto } from './dto/order.dto';
import { OrderQueryService } from './order-query.service';

@ApiTags('admin')
@Controller('admin/orders')
@AdminOnly()
export class AdminOrderController {
  constructor(private readonly query: OrderQueryService) {}

  @Get()
  @ApiRoute({ summary: 'All orders, newest first, optionally by status', ok: { 200: 'OrderPage' } })
  list(@Query() query: OrderListQueryDto): Promise<OrderPage> {
    return this.query.listAll(query);
  }

  @Get(':id')
  @ApiRoute({ summary: 'Any order', ok: { 200: 'Order' }, errors: { 404: ['ORDER_NOT_FOUND'] } })
  get(@IdParam() id: number): Promise<Order> {
    return this.query.getAny(id);
  }
}
