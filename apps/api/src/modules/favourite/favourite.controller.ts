import { Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FavouriteIds, FavouritePage, FavouriteStatus, HistoryPage } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { PageQueryDto } from '../../common/page-query.dto';
import { FavouriteService } from './favourite.service';
import { HistoryService } from './history.service';

@ApiTags('favourites')
@Controller('favourites')
@ShopperOnly()
export class FavouriteController {
  constructor(private readonly favourites: FavouriteService) {}

  @Get()
  @ApiRoute({
    summary: "The shopper's favourites, newest first (off-shelf and sold-out ones marked)",
    ok: { 200: 'FavouritePage' },
  })
  list(@CurrentUserId() userId: number, @Query() query: PageQueryDto): Promise<FavouritePage> {
    return this.favourites.list(userId, query);
  }

  @Get('ids')
  @ApiRoute({ summary: 'Ids of every favourited product (hearts on product cards)', ok: { 200: 'FavouriteIds' } })
  ids(@CurrentUserId() userId: number): Promise<FavouriteIds> {
    return this.favourites.ids(userId);
  }

  @Get(':productId')
  @ApiRoute({
    summary: 'The heart on a product page: favourited by me, and by how many shoppers',
    ok: { 200: 'FavouriteStatus' },
  })
  status(@CurrentUserId() userId: number, @IdParam('productId') productId: number): Promise<FavouriteStatus> {
    return this.favourites.status(userId, productId);
  }

  @Put(':productId')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Favourite a product (idempotent; at most FAVOURITES_MAX per shopper)',
    ok: { 200: 'FavouriteStatus' },
    errors: { 404: ['PRODUCT_NOT_FOUND'], 409: ['FAVOURITES_LIMIT_REACHED'] },
  })
  add(@CurrentUserId() userId: number, @IdParam('productId') productId: number): Promise<FavouriteStatus> {
    return this.favourites.add(userId, productId);
  }

  @Delete(':productId')
  @ApiRoute({ summary: 'Remove a favourite (idempotent)', ok: { 200: 'FavouriteStatus' } })
  remove(@CurrentUserId() userId: number, @IdParam('productId') productId: number): Promise<FavouriteStatus> {
    return this.favourites.remove(userId, productId);
  }
}

@ApiTags('favourites')
@Controller('history')
@ShopperOnly()
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiRoute({
    summary: 'Products the shopper viewed, newest first, one entry per product (the last HISTORY_LIMIT)',
    ok: { 200: 'HistoryPage' },
  })
  list(@CurrentUserId() userId: number, @Query() query: PageQueryDto): Promise<HistoryPage> {
    return this.history.list(userId, query);
  }

  @Delete()
  @HttpCode(204)
  @ApiRoute({ summary: 'Clear the browsing history', ok: { 204: null } })
  clear(@CurrentUserId() userId: number): Promise<void> {
    return this.history.clear(userId);
  }

  @Delete(':productId')
  @HttpCode(204)
  @ApiRoute({ summary: 'Remove one product from the browsing history', ok: { 204: null } })
  remove(@CurrentUserId() userId: number, @IdParam('productId') productId: number): Promise<void> {
    return this.history.remove(userId, productId);
  }
}
