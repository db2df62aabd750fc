import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FavouriteIds, type FavouritePage, type FavouriteStatus } from '@sutwxapp/contracts';
import { Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { ProductReadsService } from '../catalog/product-reads.service';
import type { PageQueryDto } from '../../common/page-query.dto';
import { FavouriteEntity } from './entities/favourite.entity';

/** A shopper's favourites: idempotent add/remove, a per-shopper cap, newest first. */
@Injectable()
export class FavouriteService {
  constructor(
    @InjectRepository(FavouriteEntity) private readonly favourites: Repository<FavouriteEntity>,
    private readonly products: ProductReadsService,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(userId: number, productId: number): Promise<FavouriteStatus> {
    const [mine, count] = await Promise.all([
      this.favourites.countBy({ userId, productId }),
      this.favourites.countBy({ productId }),
    ]);
    return { productId, favourited: mine > 0, count };
  }

  /**
   * Adding twice is the same as adding once. The cap is checked inside the transaction that
   * inserts; the unique (user, product) index makes a concurrent double add one row.
   */
  async add(userId: number, productId: number): Promise<FavouriteStatus> {
    if (!(await this.products.isVisible(productId))) throw Errors.PRODUCT_NOT_FOUND(`Product ${productId} not found`);
    const max = this.config.engagement.favouritesMax;
    await this.tx.run(async (em) => {
      if ((await em.countBy(FavouriteEntity, { userId, productId })) > 0) return;
      if ((await em.countBy(FavouriteEntity, { userId })) >= max) {
        throw Errors.FAVOURITES_LIMIT_REACHED(`收藏已达上限（${max} 件），请先取消一些收藏再添加`, {
          details: { limit: max },
        });
      }
      await em.createQueryBuilder().insert().into(FavouriteEntity).values({ userId, productId }).orIgnore().execute();
    });
    return this.status(userId, productId);
  }

  async remove(userId: number, productId: number): Promise<FavouriteStatus> {
    await this.favourites.delete({ userId, productId });
    return this.status(userId, productId);
  }

  async ids(userId: number): Promise<FavouriteIds> {
    const rows = await this.favourites.find({
      select: { id: true, productId: true },
      where: { userId },
      order: { id: 'DESC' },
    });
    return { productIds: rows.map((r) => r.productId) };
  }

  /** Off-shelf, deleted and sold-out products stay in the list, marked as such. */
  async list(userId: number, query: PageQueryDto): Promise<FavouritePage> {
    const [rows, total] = await this.favourites.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const cards = await this.products.cards(rows.map((r) => r.productId));
    return {
      items: rows.flatMap((r) => {
        const card = cards.get(r.productId);
        return card ? [{ ...card, favouritedAt: r.createdAt.toISOString() }] : [];
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
