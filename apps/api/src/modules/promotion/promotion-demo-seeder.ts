import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { CouponTemplateInput } from '@sutwxapp/contracts';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { CouponTemplatesService } from './coupon-templates.service';
import { CouponTemplateEntity } from './entities/coupon.entity';

/** The home banner promises "满 199 减 30": with SEED_DEMO the demo shop has that coupon, and a newcomer one. */
export const DEMO_COUPONS: CouponTemplateInput[] = [
  {
    name: '满199减30',
    kind: 'THRESHOLD',
    thresholdFen: 19900,
    amountFen: 3000,
    validDays: 30,
    totalQuantity: 10000,
    perUserLimit: 1,
  },
  { name: '新人无门槛券', kind: 'NO_THRESHOLD', amountFen: 500, validDays: 7, totalQuantity: 100000, perUserLimit: 1 },
];

@Injectable()
export class PromotionDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(PromotionDemoSeeder.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly coupons: CouponTemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await this.seedIfEmpty();
  }

  /** Only into a shop without any coupon template: an operator's own coupons are never touched. */
  async seedIfEmpty(): Promise<number> {
    if ((await this.tx.manager.count(CouponTemplateEntity)) > 0) return 0;
    for (const input of DEMO_COUPONS) await this.coupons.create(input);
    this.logger.log(`seeded ${DEMO_COUPONS.length} demo coupons (满199减30, 新人无门槛券)`);
    return DEMO_COUPONS.length;
  }
}
