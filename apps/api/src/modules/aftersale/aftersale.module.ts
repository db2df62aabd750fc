import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LogisticsModule } from '../logistics/logistics.module';
import { MediaModule } from '../media/media.module';
import { FindsMediaReferences, type MediaReferenceFinder, rowsReferring } from '../media/media-references';
import { OrderModule } from '../order/order.module';
import { PaymentModule } from '../payment/payment.module';
import { AdminAfterSaleController, AfterSaleController } from './aftersale.controller';
import { AfterSaleAdminService } from './aftersale-admin.service';
import { AfterSaleService } from './aftersale.service';
import { AfterSaleEntity } from './entities/aftersale.entity';
import { everyInterval } from '../../observability/request-context';

/** The timeouts (auto-approve, close unreturned) on a timer, like the order sweepers. */
@Injectable()
class AfterSaleSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly service: AfterSaleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  onApplicationBootstrap(): void {
    this.timer = everyInterval('aftersale-sweeper', this.config.promotion.sweepIntervalMs, () =>
      this.service.sweep().catch(() => undefined),
    );
  }
  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** After-sale photos are references: the orphan sweep must not delete them. */
@Injectable()
@FindsMediaReferences()
class AfterSaleMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]) {
    const rows = await rowsReferring(em, AfterSaleEntity, 'a', 'photos', ids).limit(100).getMany();
    return rows.flatMap((r) =>
      (r.photos ?? []).flatMap((p) => {
        const ref = parseMediaRef(p);
        return ref && ids.includes(ref.id) ? [{ mediaId: ref.id, type: 'aftersale', id: r.id, label: r.reason }] : [];
      }),
    );
  }
}

@Module({
  imports: [
    TypeOrmModule.forFeature([AfterSaleEntity]),
    OrderModule,
    PaymentModule,
    CatalogModule,
    MediaModule,
    LogisticsModule,
  ],
  controllers: [AfterSaleController, AdminAfterSaleController],
  providers: [AfterSaleService, AfterSaleAdminService, AfterSaleSweeper, AfterSaleMediaReferences],
  exports: [AfterSaleService],
})
export class AfterSaleModule {}
