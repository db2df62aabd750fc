import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionService } from '../../../database/transaction.service';
import { CatalogCacheService } from '../catalog-cache.service';
import { seedDemoCatalog, type SeedResult } from './demo-catalog';

/**
 * The embedded `npm start` opens on a complete demo shop: with SEED_DEMO on (the default
 * outside production) an empty catalog is filled at boot. A catalog with any category is
 * never touched.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly tx: TransactionService,
    private readonly cache: CatalogCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await this.seedIfEmpty();
  }

  async seedIfEmpty(): Promise<SeedResult | null> {
    const result = await this.tx.run((em) => seedDemoCatalog(em));
    if (result) {
      await this.cache.catalogChanged();
      this.logger.log(
        `seeded the demo catalog: ${result.categories} categories, ${result.products} products, ${result.skus} SKUs`,
      );
    }
    return result;
  }
}
