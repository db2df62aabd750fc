import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../../config/app-config';
import { dataSourceOptions } from '../../../database/data-source-options';
import { BannerEntity } from '../entities/banner.entity';
import { CategoryEntity } from '../entities/category.entity';
import { ProductEntity } from '../entities/product.entity';
import { SkuEntity } from '../entities/sku.entity';
import { MediaEntity } from '../../media/entities/media.entity';
import { createMediaStorage } from '../../media/media.module';
import { isCatalogSeeded, seedDemoCatalog } from './demo-catalog';
import { prepareDemoPictures } from './demo-pictures';

/**
 * `npm run seed`: loads the demo catalog into the database named by DATABASE_URL (migrating
 * it first). Does nothing when the catalog already has categories.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.type === 'sqlite' && config.database.path !== ':memory:') {
    mkdirSync(dirname(config.database.path), { recursive: true });
  }
  const db = await new DataSource({
    ...dataSourceOptions(config.database),
    entities: [CategoryEntity, ProductEntity, SkuEntity, BannerEntity, MediaEntity],
    migrationsRun: true,
  }).initialize();
  try {
    // pictures go where the API's media driver puts them (local disk or the S3 bucket)
    const pictures = (await isCatalogSeeded(db.manager))
      ? new Map()
      : await prepareDemoPictures(createMediaStorage(config.media), config.media.maxPixels);
    const result = await db.transaction((em) => seedDemoCatalog(em, pictures));
    if (result) {
      console.log(
        `Seeded the demo catalog: ${result.categories} categories, ${result.products} products, ${result.skus} SKUs, ${result.banners} banners`,
      );
    } else {
      console.log('The catalog already has categories: nothing seeded');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
