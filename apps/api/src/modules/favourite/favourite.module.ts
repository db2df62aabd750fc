import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { FavouriteEntity } from './entities/favourite.entity';
import { HistoryEntity } from './entities/history.entity';
import { FavouriteController, HistoryController } from './favourite.controller';
import { FavouriteService } from './favourite.service';
import { HistoryService } from './history.service';

/** Favourites and browsing history (footprints). */
@Module({
  imports: [TypeOrmModule.forFeature([FavouriteEntity, HistoryEntity]), AuthModule, CatalogModule],
  controllers: [FavouriteController, HistoryController],
  providers: [FavouriteService, HistoryService],
})
export class FavouriteModule {}
