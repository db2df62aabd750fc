import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  ship(@IdParam() id: number, @Body() dto: ShipOrderDto): Promise<Order> {
    return this.shipping.ship(id, dto);
  }
}
