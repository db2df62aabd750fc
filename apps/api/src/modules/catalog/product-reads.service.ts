import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Fen, ProductAvailability } from '@sutwxapp/contracts';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import { publicUrl } from '../../common/public-url';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';

export interface ProductCard {
  productId: number;
  title: string;
  image: string | null;
  minPrice: Fen;
  availability: ProductAvailability;
}

/**
 * Narrow reads and one counter write for features that remember products (favourites, history)
 * or rate them (reviews): they never read the catalog's tables themselves.
 */
@Injectable()
export class ProductReadsService {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether a shopper can see the product now (on shelf, not deleted). */
  async isVisible(productId: number): Promise<boolean> {
    return (await this.products.countBy({ id: productId, onShelf: true, deletedAt: IsNull() })) > 0;
  }

  async titles(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.products.find({ select: { id: true, title: true }, where: { id: In(ids) } });
    return new Map(rows.map((p) => [p.id, p.title]));
  }

  /** Cards for remembered products; deleted ones show as off shelf, SKUs out of stock as sold out. */
  async cards(ids: number[]): Promise<Map<number, ProductCard>> {
    if (ids.length === 0) return new Map();
    const rows = await this.products.find({
      select: { id: true, title: true, images: true, minPrice: true, onShelf: true, deletedAt: true },
      where: { id: In(ids) },
    });
    const stock = await this.products.manager
      .createQueryBuilder(SkuEntity, 's')
      .select('s.productId', 'productId')
      .addSelect('SUM(s.stock)', 'stock')
      .where({ productId: In(ids), deletedAt: IsNull() })
      .groupBy('s.productId')
      .getRawMany<{ productId: number; stock: string | number | null }>();
    const inStock = new Set(stock.filter((s) => Number(s.stock ?? 0) > 0).map((s) => Number(s.productId)));
    return new Map(
      rows.map((p) => [
        p.id,
        {
          productId: p.id,
          title: p.title,
          image: publicUrl(this.config, p.images[0] ?? null, 240),
          minPrice: p.minPrice,
          availability: !p.onShelf || p.deletedAt ? 'OFF_SHELF' : inStock.has(p.id) ? 'ON_SALE' : 'SOLD_OUT',
        },
      ]),
    );
  }

  /**
   * A public review appeared (+1, +stars) or went away (-1, -stars), inside the review's transaction.
   * One relative UPDATE, so concurrent reviews never lose a count; the average is computed from the
   * row's values before the change in the same statement (SQLite and MySQL both read the old values
   * when `rating_avg` is assigned first).
   */
  async adjustRating(em: EntityManager, productId: number, countDelta: number, starsDelta: number): Promise<void> {
    const mysql = em.connection.options.type === 'mysql';
    const div = mysql ? 'DIV' : '/';
    await em.query(
      `UPDATE products SET rating_avg = CASE WHEN review_count + ? <= 0 THEN 0 ` +
        `ELSE ((rating_total + ?) * 100) ${div} (review_count + ?) END, ` +
        `review_count = review_count + ?, rating_total = rating_total + ? WHERE id = ?`,
      [countDelta, starsDelta, countDelta, countDelta, starsDelta, productId],
    );
  }
}
