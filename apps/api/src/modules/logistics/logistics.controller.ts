import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  carriers(): CarrierList {
    return CARRIERS.map(({ code, name, phoneRequired }) => ({ code, name, phoneRequired }));
  }

  @Get('orders/:id/logistics')
  @ShopperOnly()
  track(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Tracking> {
    return this.tracking.forShopper(userId, id);
  }
}
