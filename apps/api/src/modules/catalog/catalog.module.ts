import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BannerEntity } from './entities/banner.entity';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import { StockAdjustmentEntity } from './entities/stock-adjustment.entity';
import { InventoryService } from './inventory.service';

@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, ProductEntity, SkuEntity, BannerEntity, StockAdjustmentEntity])],
  providers: [InventoryService],
  exports: [InventoryService],
})
export class CatalogModule {}
