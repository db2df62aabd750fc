import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionService } from '../../../database/transaction.service';
import { CatalogCacheService } from '../catalog-cache.service';
import { MEDIA_STORAGE, type MediaStorage } from '../../media/storage/media-storage';
import { isCatalogSeeded, seedDemoCatalog, type SeedResult } from './demo-catalog';
import { prepareDemoPictures } from './demo-pictures';

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
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await this.seedIfEmpty();
  }

  async seedIfEmpty(): Promise<SeedResult | null> {
    // the pictures are the slow part (~70 renders): skipped entirely when the catalog exists
    if (await this.tx.run((em) => isCatalogSeeded(em))) return null;
    const pictures = await prepareDemoPictures(this.storage, this.config.media.maxPixels);
    const result = await this.tx.run((em) => seedDemoCatalog(em, pictures));
    if (result) {
      await this.cache.catalogChanged();
      this.logger.log(
        `seeded the demo catalog: ${result.categories} categories, ${result.products} products, ${result.skus} SKUs`,
      );
    }
    return result;
  }
}
