import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminProductRatingPage,
  type AdminReview,
  type AdminReviewPage,
  type ReviewStatus,
} from '@sutwxapp/contracts';
import { In, IsNull, Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { CatalogCacheService } from '../catalog/catalog-cache.service';
import { ProductReadsService } from '../catalog/product-reads.service';
import type { AdminRatingQueryDto, AdminReviewQueryDto } from './dto/review.dto';
import { ReviewEntity } from './entities/review.entity';
import { toAdminReview } from './review.mapper';
import { emptySummary, ReviewQueryService } from './review-query.service';
import { moveReview } from './review-status';

/** Operators: list and filter, hide/show with a reason (the audit trail records the request), one reply. */
@Injectable()
export class ReviewAdminService {
  constructor(
    @InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>,
    private readonly query: ReviewQueryService,
    private readonly products: ProductReadsService,
    private readonly catalogCache: CatalogCacheService,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: AdminReviewQueryDto): Promise<AdminReviewPage> {
    const qb = this.reviews.createQueryBuilder('r');
    if (q.productId !== undefined) qb.andWhere('r.productId = :productId', { productId: q.productId });
    if (q.rating !== undefined) qb.andWhere('r.rating = :rating', { rating: q.rating });
    if (q.status !== undefined) qb.andWhere('r.status = :status', { status: q.status });
    if (q.from !== undefined) qb.andWhere('r.createdAt >= :from', { from: new Date(q.from) });
    if (q.to !== undefined) qb.andWhere('r.createdAt < :to', { to: new Date(q.to) });
    if (q.hasImages !== undefined) qb.andWhere(q.hasImages ? 'r.imageCount > 0' : 'r.imageCount = 0');
    const sort = q.sort ?? 'newest';
    // follow-ups have no rating (null): they sort after rated reviews either way, then newest first
    if (sort === 'rating_asc' || sort === 'rating_desc') {
      qb.orderBy('CASE WHEN r.rating IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('r.rating', sort === 'rating_asc' ? 'ASC' : 'DESC')
        .addOrderBy('r.id', 'DESC');
    } else qb.orderBy('r.id', sort === 'oldest' ? 'ASC' : 'DESC');
    const [rows, total] = await qb
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const [followUps, titles] = await Promise.all([
      this.followUps(rows.filter((r) => r.kind === 'INITIAL').map((r) => r.id)),
      this.products.titles([...new Set(rows.map((r) => r.productId))]),
    ]);
    return {
      items: rows.map((r) =>
        toAdminReview(this.config, r, followUps.get(r.id) ?? null, titles.get(r.productId) ?? null),
      ),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(id: number): Promise<AdminReview> {
    const r = await this.reviews.findOneBy({ id });
    if (!r) throw Errors.REVIEW_NOT_FOUND(`Review ${id} not found`);
    const followUp = r.kind === 'INITIAL' ? ((await this.followUps([r.id])).get(r.id) ?? null) : null;
    const titles = await this.products.titles([r.productId]);
    return toAdminReview(this.config, r, followUp, titles.get(r.productId) ?? null);
  }

  /** Public (or held, or waiting) → HIDDEN; a hidden first review leaves the product's counters and summary. */
  async hide(id: number, reason: string): Promise<AdminReview> {
    return this.move(id, ['PUBLISHED', 'HELD', 'PENDING'], 'HIDDEN', reason);
  }

  /** HIDDEN or HELD → PUBLISHED: an operator clears a held review, or takes a hiding back. */
  async show(id: number, reason: string): Promise<AdminReview> {
    return this.move(id, ['HIDDEN', 'HELD'], 'PUBLISHED', reason);
  }

  /** One merchant reply per review, shown under it; a second is refused rather than overwriting. */
  async reply(id: number, content: string): Promise<AdminReview> {
    const r = await this.reviews.findOneBy({ id });
    if (!r) throw Errors.REVIEW_NOT_FOUND(`Review ${id} not found`);
    const result = await this.reviews
      .createQueryBuilder()
      .update(ReviewEntity)
      .set({ reply: content, repliedAt: new Date() })
      .where({ id, repliedAt: IsNull() })
      .execute();
    if (result.affected !== 1) throw Errors.REVIEW_ALREADY_REPLIED();
    if (r.status === 'PUBLISHED') await this.catalogCache.productsChanged([r.productId], { listsToo: false });
    return this.get(id);
  }

  async ratings(q: AdminRatingQueryDto): Promise<AdminProductRatingPage> {
    let ids: number[];
    let total: number;
    if (q.productId !== undefined) {
      ids = q.page === 1 ? [q.productId] : [];
      total = 1;
    } else {
      const base = () =>
        this.reviews.createQueryBuilder('r').where('r.status = :s AND r.kind = :k', { s: 'PUBLISHED', k: 'INITIAL' });
      const rows = await base()
        .select('r.productId', 'productId')
        .groupBy('r.productId')
        .orderBy('r.productId', 'DESC')
        .offset((q.page - 1) * q.pageSize)
        .limit(q.pageSize)
        .getRawMany<{ productId: number | string }>();
      ids = rows.map((r) => Number(r.productId));
      const [count] = await base().select('COUNT(DISTINCT r.productId)', 'n').getRawMany<{ n: number | string }>();
      total = Number(count?.n ?? 0);
    }
    const [summaries, titles] = await Promise.all([this.query.summaries(ids), this.products.titles(ids)]);
    return {
      items: ids
        .filter((id) => titles.has(id))
        .map((id) => ({ ...(summaries.get(id) ?? emptySummary(id)), title: titles.get(id) as string })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private async move(id: number, from: ReviewStatus[], to: ReviewStatus, reason: string): Promise<AdminReview> {
    const r = await this.reviews.findOneBy({ id });
    if (!r) throw Errors.REVIEW_NOT_FOUND(`Review ${id} not found`);
    if (!from.includes(r.status)) {
      throw Errors.REVIEW_STATE_CONFLICT(
        `评价当前状态为 ${r.status}，不能${to === 'HIDDEN' ? '隐藏' : '显示'}（可操作的状态：${from.join('、')}）`,
        { details: { status: r.status } },
      );
    }
    const moved = await this.tx.run((em) => moveReview(em, this.products, r, r.status, to, { moderationNote: reason }));
    if (!moved) throw Errors.REVIEW_STATE_CONFLICT();
    await this.catalogCache.productsChanged([r.productId], { listsToo: r.kind === 'INITIAL' });
    return this.get(id);
  }

  private async followUps(parentIds: number[]): Promise<Map<number, ReviewEntity>> {
    if (parentIds.length === 0) return new Map();
    const rows = await this.reviews.findBy({ parentId: In(parentIds), kind: 'FOLLOW_UP' });
    return new Map(rows.map((r) => [r.parentId as number, r]));
  }
}
