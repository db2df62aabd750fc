import {
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CHECKOUT_ADJUSTMENTS } from '../../common/checkout-adjustments.port';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OrderModule } from '../order/order.module';
import { CheckoutAdjustmentsService } from './checkout-adjustments.service';
import { CouponService } from './coupon.service';
import { CouponTemplatesService } from './coupon-templates.service';
import { CouponTemplateEntity, OrderLineShareEntity, UserCouponEntity } from './entities/coupon.entity';
import { CheckinEntity, PointsAccountEntity, PointsLedgerEntity } from './entities/points.entity';
import { LineSharesService } from './line-shares.service';
import { PointsService } from './points.service';
import { PromotionDemoSeeder } from './promotion-demo-seeder';
import { PromotionOrderListener } from './promotion-order.listener';
import { AdminCouponController, PromotionController } from './promotion.controller';
import { everyInterval } from '../../observability/request-context';

/** Points expire on a timer; the pass is idempotent, so any number of replicas may run it. */
@Injectable()
class PointsExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly points: PointsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  onApplicationBootstrap(): void {
    this.timer = everyInterval('points-expiry', this.config.promotion.sweepIntervalMs, () =>
      this.points.expireDue().catch(() => undefined),
    );
  }
  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/**
 * Coupons, check-in and points. Global only to provide CHECKOUT_ADJUSTMENTS to order
 * creation without the order module importing this one.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      CouponTemplateEntity,
      UserCouponEntity,
      OrderLineShareEntity,
      PointsAccountEntity,
      PointsLedgerEntity,
      CheckinEntity,
    ]),
    OrderModule,
  ],
  controllers: [PromotionController, AdminCouponController],
  providers: [
    CouponService,
    CouponTemplatesService,
    PointsService,
    LineSharesService,
    CheckoutAdjustmentsService,
    PromotionOrderListener,
    PointsExpirySweeper,
    PromotionDemoSeeder,
    { provide: CHECKOUT_ADJUSTMENTS, useExisting: CheckoutAdjustmentsService },
  ],
  exports: [CHECKOUT_ADJUSTMENTS, CouponService, PointsService, LineSharesService],
})
export class PromotionModule {}
