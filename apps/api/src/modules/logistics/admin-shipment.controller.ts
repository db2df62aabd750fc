import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { AdminOrder, BulkShipResult } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly } from '../auth/guards/auth.guard';
import { BulkShipDto, ShipOrderDto } from './dto/ship-order.dto';
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
    summary: 'Ship a paid order: one parcel (carrier + tracking number) or several (PAID → SHIPPED)',
    body: 'ShipOrderRequest',
    ok: { 200: 'AdminOrder' },
    errors: {
      400: ['CARRIER_NOT_SUPPORTED', 'PARCEL_ITEMS_MISMATCH'],
      404: ['ORDER_NOT_FOUND'],
      409: ['ILLEGAL_ORDER_STATE'],
    },
  })
  ship(@IdParam() id: number, @Body() dto: ShipOrderDto): Promise<AdminOrder> {
    return this.shipping.ship(id, dto);
  }

  @Post('bulk-ship')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Ship many orders from a file: one result per row (rows of one order number = its parcels)',
    description:
      'Each order ships in its own transaction: a bad row is answered in its result (the code and ' +
      'message a single ship would give) and never holds back the other orders.',
    body: 'BulkShipRequest',
    ok: { 200: 'BulkShipResult' },
  })
  bulkShip(@Body() dto: BulkShipDto): Promise<BulkShipResult> {
    return this.shipping.bulkShip(dto.rows);
  }
}
