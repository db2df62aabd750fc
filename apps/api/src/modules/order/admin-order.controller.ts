import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: OrderListQueryDto): Promise<OrderPage> {
    return this.query.listAll(query);
  }

  @Get(':id')
  get(@IdParam() id: number): Promise<Order> {
    return this.query.getAny(id);
  }
}
