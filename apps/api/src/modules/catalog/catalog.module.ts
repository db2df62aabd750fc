import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { MediaModule } from '../media/media.module';
import { CatalogMediaReferences } from './catalog-media-references';
import { AdminCatalogController } from './admin-catalog.controller';
import { BannerAdminService } from './banner-admin.service';
import { StaticAssets } from './assets/static-assets';
import { CatalogCacheService } from './catalog-cache.service';
import { CatalogEvents } from './catalog-events';
import { CatalogQueryService } from './catalog-query.service';
import { CatalogController } from './catalog.controller';
import { CategoryAdminService } from './category-admin.service';
import { BannerEntity } from './entities/banner.entity';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import { StockAdjustmentEntity } from './entities/stock-adjustment.entity';
import { InventoryService } from './inventory.service';
import { ProductAdminService } from './product-admin.service';
import { ProductReadsService } from './product-reads.service';
import { ProductViews } from './product-views';
import { DemoSeeder } from './seed/demo-seeder.service';
import { SkuAdminService } from './sku-admin.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CategoryEntity, ProductEntity, SkuEntity, BannerEntity, StockAdjustmentEntity]),
    AuthModule,
    MediaModule,
  ],
  controllers: [CatalogController, AdminCatalogController],
  providers: [
    BannerAdminService,
    InventoryService,
    CatalogCacheService,
    CatalogEvents,
    CatalogMediaReferences,
    CatalogQueryService,
    CategoryAdminService,
    ProductAdminService,
    SkuAdminService,
    StaticAssets,
    DemoSeeder,
    ProductReadsService,
    ProductViews,
  ],
  // CatalogCacheService: orders call productsChanged() after stock/sales commits.
  // ProductReadsService, ProductViews: for favourites, browsing history and reviews
  exports: [InventoryService, CatalogCacheService, ProductReadsService, ProductViews],
})
export class CatalogModule {}
