import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { CarrierList, Tracking } from '@sutwxapp/contracts';
import { CARRIERS } from '@sutwxapp/wechat';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { TrackingService } from './tracking.service';

@ApiTags('logistics')
@Controller()
export class LogisticsController {
  constructor(private readonly tracking: TrackingService) {}

  /** Anyone: the carriers operators can ship with. */
  @Get('logistics/carriers')
  @ApiRoute({ summary: 'Carriers operators can ship with', ok: { 200: 'CarrierList' } })
  carriers(): CarrierList {
    return CARRIERS.map(({ code, name, phoneRequired }) => ({ code, name, phoneRequired }));
  }

  @Get('orders/:id/logistics')
  @ShopperOnly()
  @ApiRoute({
    summary: "Track the parcel of one of the shopper's orders",
    ok: { 200: 'Tracking' },
    errors: {
      404: ['ORDER_NOT_FOUND'],
      409: ['NOT_SHIPPED'],
      502: ['TRACKING_PROVIDER_ERROR'],
      503: ['TRACKING_UNAVAILABLE'],
    },
  })
  track(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Tracking> {
    return this.tracking.forShopper(userId, id);
  }
}
