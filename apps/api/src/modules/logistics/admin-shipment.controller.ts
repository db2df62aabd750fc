import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { Order } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly } from '../auth/guards/auth.guard';
import { ShipOrderDto } from './dto/ship-order.dto';
import { ShippingService } from './shipping.service';

@ApiTags('admin')
@Controller('admin/orders')
@AdminOnly()
export class AdminShipmentController {
  constructor(private readonly shipping: ShippingService) {}

  /** PAID → SHIPPED (409 otherwise). Audited with every other admin action. */
  @Post(':id/ship')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Ship a paid order with a carrier and tracking number (PAID → SHIPPED)',
    body: 'ShipOrderRequest',
    ok: { 200: 'Order' },
    errors: { 400: ['CARRIER_NOT_SUPPORTED'], 404: ['ORDER_NOT_FOUND'], 409: ['ILLEGAL_ORDER_STATE'] },
  })
  ship(@IdParam() id: number, @Body() dto: ShipOrderDto): Promise<Order> {
    return this.shipping.ship(id, dto);
  }
}
