import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type PendingReviews,
  type ProductReviewOverview,
  type ReviewFilter,
  type ReviewPage,
  type ReviewSummary,
} from '@sutwxapp/contracts';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CatalogCacheService } from '../catalog/catalog-cache.service';
import { ProductReadsService } from '../catalog/product-reads.service';
import { OrderReadsService } from '../order/order-reads.service';
import type { ReviewListQueryDto } from './dto/review.dto';
import { ReviewEntity } from './entities/review.entity';
import { toReview } from './review.mapper';

const DAY_MS = 86_400_000;
/** how many reviews the product page shows under the summary */
const FIRST_REVIEWS = 3;

/** Public reads (product page, reviews page) and the shopper's "to review" list. */
@Injectable()
export class ReviewQueryService {
  constructor(
    @InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>,
    private readonly products: ProductReadsService,
    private readonly orders: OrderReadsService,
    private readonly cache: CatalogCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Summary and first reviews, cached under the product's catalog stamp (bumped when a review goes public or away). */
  async overview(productId: number): Promise<ProductReviewOverview> {
    return this.cache.getOrLoad('reviews', await this.cache.reviewsKey(productId), async () => {
      if (!(await this.products.isVisible(productId))) throw Errors.PRODUCT_NOT_FOUND(`Product ${productId} not found`);
      const [summary, first] = await Promise.all([
        this.summary(productId),
        this.page(productId, { filter: 'all', page: 1, pageSize: FIRST_REVIEWS }),
      ]);
      return { summary, reviews: first.items };
    });
  }

  async list(productId: number, query: ReviewListQueryDto): Promise<ReviewPage> {
    if (!(await this.products.isVisible(productId))) throw Errors.PRODUCT_NOT_FOUND(`Product ${productId} not found`);
    return this.page(productId, query);
  }

  /**
   * Counted from the public rows on every cache miss, so it is right whatever order concurrent
   * reviews committed in; the products' own counters (for the list sorts) move with each review.
   */
  async summary(productId: number): Promise<ReviewSummary> {
    return (await this.summaries([productId])).get(productId) ?? emptySummary(productId);
  }

  async summaries(productIds: number[]): Promise<Map<number, ReviewSummary>> {
    if (productIds.length === 0) return new Map();
    const rows = await this.reviews
      .createQueryBuilder('r')
      .select('r.productId', 'productId')
      .addSelect('r.rating', 'rating')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN r.imageCount > 0 THEN 1 ELSE 0 END)', 'photos')
      .where({ productId: In(productIds), status: 'PUBLISHED', kind: 'INITIAL' })
      .groupBy('r.productId')
      .addGroupBy('r.rating')
      .getRawMany<{
        productId: number | string;
        rating: number | string;
        n: number | string;
        photos: number | string;
      }>();
    const out = new Map<number, ReviewSummary>();
    const acc = new Map<number, { byStar: number[]; photos: number }>();
    for (const row of rows) {
      const id = Number(row.productId);
      const a = acc.get(id) ?? { byStar: [0, 0, 0, 0, 0], photos: 0 };
      const star = Number(row.rating);
      // MariaDB answers COUNT/SUM as strings, SQLite as numbers
      if (star >= 1 && star <= 5) a.byStar[star - 1] += Number(row.n);
      a.photos += Number(row.photos);
      acc.set(id, a);
    }
    for (const [id, a] of acc) out.set(id, toSummary(id, a.byStar, a.photos));
    return out;
  }

  private async page(
    productId: number,
    query: { filter: ReviewFilter; page: number; pageSize: number },
  ): Promise<ReviewPage> {
    const qb = this.reviews
      .createQueryBuilder('r')
      .where('r.productId = :productId AND r.status = :s AND r.kind = :k', { productId, s: 'PUBLISHED', k: 'INITIAL' });
    applyFilter(qb, query.filter);
    const [rows, total] = await qb
      .orderBy('r.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const followUps = await this.publicFollowUps(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toReview(this.config, r, followUps.get(r.id) ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private async publicFollowUps(parentIds: number[]): Promise<Map<number, ReviewEntity>> {
    if (parentIds.length === 0) return new Map();
    const rows = await this.reviews.findBy({ parentId: In(parentIds), kind: 'FOLLOW_UP', status: 'PUBLISHED' });
    return new Map(rows.map((r) => [r.parentId as number, r]));
  }

  /** Lines of completed orders inside the review window that still take a first review or a follow-up. */
  async pending(userId: number): Promise<PendingReviews> {
    const { reviewWindowDays, reviewFollowUpDays } = this.config.engagement;
    const now = Date.now();
    const lines = await this.orders.completedLinesSince(userId, new Date(now - reviewWindowDays * DAY_MS));
    const written =
      lines.length === 0
        ? []
        : await this.reviews.find({
            select: { id: true, orderItemId: true, kind: true, createdAt: true },
            where: { userId, orderItemId: In(lines.map((l) => l.orderItemId)) },
          });
    const items = lines.flatMap((l) => {
      const first = written.find((w) => w.orderItemId === l.orderItemId && w.kind === 'INITIAL');
      const second = written.find((w) => w.orderItemId === l.orderItemId && w.kind === 'FOLLOW_UP');
      const canReview = !first;
      const canFollowUp = Boolean(first && !second && now - first.createdAt.getTime() <= reviewFollowUpDays * DAY_MS);
      if (!canReview && !canFollowUp) return [];
      return [
        {
          orderId: l.orderId,
          orderNo: l.orderNo,
          orderItemId: l.orderItemId,
          productId: l.productId,
          skuId: l.skuId,
          title: l.title,
          specs: l.specs,
          image: l.image,
          completedAt: (l.completedAt as Date).toISOString(),
          reviewId: first?.id ?? null,
          canReview,
          canFollowUp,
        },
      ];
    });
    const toReview = items.filter((i) => i.canReview);
    return { total: toReview.length, orderIds: [...new Set(toReview.map((i) => i.orderId))], items };
  }
}

function applyFilter(qb: SelectQueryBuilder<ReviewEntity>, filter: ReviewFilter): void {
  if (filter === 'photos') qb.andWhere('r.imageCount > 0');
  else if (filter === 'good') qb.andWhere('r.rating >= 4');
  else if (filter === 'medium') qb.andWhere('r.rating = 3');
  else if (filter === 'bad') qb.andWhere('r.rating <= 2');
}

export const emptySummary = (productId: number): ReviewSummary => toSummary(productId, [0, 0, 0, 0, 0], 0);

function toSummary(productId: number, byStar: number[], withPhotos: number): ReviewSummary {
  const count = byStar.reduce((a, b) => a + b, 0);
  const stars = byStar.reduce((sum, n, i) => sum + n * (i + 1), 0);
  const good = byStar[3] + byStar[4];
  return {
    productId,
    count,
    average: count === 0 ? 0 : Math.round((stars * 10) / count) / 10,
    goodRate: count === 0 ? 0 : Math.round((good * 100) / count),
    byStar: [5, 4, 3, 2, 1].map((star) => ({ star, count: byStar[star - 1] })),
    withPhotos,
    good,
    medium: byStar[2],
    bad: byStar[0] + byStar[1],
  };
}
