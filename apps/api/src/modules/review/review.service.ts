import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type MyReview, OrderStatus, type ReviewKind } from '@sutwxapp/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { CONTENT_SECURITY, type ContentSecurityPort } from '../../common/content-security.port';
import { DomainEvents } from '../../common/domain-events';
import { AppError, Errors } from '../../common/errors/app-error';
import { parseMediaRef } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { TransactionService } from '../../database/transaction.service';
import { AuthService } from '../auth/auth.service';
import { CatalogCacheService } from '../catalog/catalog-cache.service';
import { ProductReadsService } from '../catalog/product-reads.service';
import { refersToAny } from '../media/media-references';
import { MediaService } from '../media/media.service';
import { OrderReadsService } from '../order/order-reads.service';
import type { CreateReviewDto, FollowUpReviewDto } from './dto/review.dto';
import { ReviewEntity } from './entities/review.entity';
import { toMyReview } from './review.mapper';
import { initialStatus, moveReview } from './review-status';
import { everyInterval } from '../../observability/request-context';

const DAY_MS = 86_400_000;
/** PENDING reviews are looked at again this often, in case a photo's verdict event was missed. */
const SETTLE_INTERVAL_MS = 60_000;

/**
 * Writing reviews: one first review per completed order line inside REVIEW_WINDOW_DAYS, one
 * follow-up inside REVIEW_FOLLOW_UP_DAYS of it. Text passes msg_sec_check before anything is
 * stored (risky: refused; "review": stored HELD); photos are the shopper's own uploads and the
 * review stays PENDING until WeChat has cleared every one of them.
 */
@Injectable()
export class ReviewService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReviewService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(ReviewEntity) private readonly reviews: Repository<ReviewEntity>,
    private readonly orders: OrderReadsService,
    private readonly products: ProductReadsService,
    private readonly media: MediaService,
    private readonly auth: AuthService,
    private readonly catalogCache: CatalogCacheService,
    private readonly events: DomainEvents,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(CONTENT_SECURITY) private readonly contentSecurity: ContentSecurityPort | null = null,
  ) {}

  onModuleInit(): void {
    this.events.on('media_checked', ({ mediaIds }) => this.settleUsing(mediaIds));
  }

  onApplicationBootstrap(): void {
    this.timer = everyInterval('review-settle', SETTLE_INTERVAL_MS, () =>
      this.settlePending().catch((err: Error) => this.logger.warn(`settling pending reviews failed: ${err.message}`)),
    );
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async create(userId: number, dto: CreateReviewDto): Promise<MyReview> {
    const line = await this.orders.lineOf(userId, dto.orderItemId);
    if (!line) throw Errors.ORDER_ITEM_NOT_FOUND(`Order item ${dto.orderItemId} not found`);
    if (line.status !== OrderStatus.COMPLETED || !line.completedAt) {
      throw Errors.REVIEW_ORDER_NOT_COMPLETED('订单确认收货后才能评价', { details: { status: line.status } });
    }
    const days = this.config.engagement.reviewWindowDays;
    if (Date.now() - line.completedAt.getTime() > days * DAY_MS) {
      throw Errors.REVIEW_WINDOW_CLOSED(`订单完成 ${days} 天后不能再评价`);
    }
    await this.refuseSecond(dto.orderItemId, 'INITIAL');
    const verdict = await this.checkText(userId, dto.content);
    const identity = await this.auth.publicIdentity(userId);
    const saved = await this.insert('INITIAL', async (em) => {
      const photos = await this.media.claimReviewImages(em, userId, dto.images ?? []);
      const { status, note } = initialStatus(
        verdict,
        photos.map((p) => p.status),
      );
      const published = status === 'PUBLISHED';
      // the product row first (see moveReview): concurrent first reviews of one product queue on it
      if (published) await this.products.adjustRating(em, line.productId, 1, dto.rating);
      return em.save(
        em.create(ReviewEntity, {
          userId,
          orderId: line.orderId,
          orderItemId: line.orderItemId,
          productId: line.productId,
          skuId: line.skuId,
          kind: 'INITIAL',
          parentId: null,
          rating: dto.rating,
          content: dto.content,
          images: photos.map((p) => p.ref),
          imageCount: photos.length,
          anonymous: dto.anonymous ?? false,
          nickname: identity.nickname,
          avatarUrl: identity.avatarUrl,
          specs: line.specs,
          status,
          counted: published,
          moderationNote: note,
        }),
      );
    });
    if (saved.status === 'PUBLISHED') await this.catalogCache.productsChanged([saved.productId]);
    return toMyReview(this.config, saved);
  }

  async followUp(userId: number, reviewId: number, dto: FollowUpReviewDto): Promise<MyReview> {
    const parent = await this.reviews.findOneBy({ id: reviewId, userId, kind: 'INITIAL' });
    if (!parent) throw Errors.REVIEW_NOT_FOUND(`Review ${reviewId} not found`);
    const days = this.config.engagement.reviewFollowUpDays;
    if (Date.now() - parent.createdAt.getTime() > days * DAY_MS) {
      throw Errors.REVIEW_WINDOW_CLOSED(`首次评价 ${days} 天后不能再追评`);
    }
    await this.refuseSecond(parent.orderItemId, 'FOLLOW_UP');
    const verdict = await this.checkText(userId, dto.content);
    const saved = await this.insert('FOLLOW_UP', async (em) => {
      const photos = await this.media.claimReviewImages(em, userId, dto.images ?? []);
      const { status, note } = initialStatus(
        verdict,
        photos.map((p) => p.status),
      );
      return em.save(
        em.create(ReviewEntity, {
          ...pick(parent),
          kind: 'FOLLOW_UP',
          parentId: parent.id,
          rating: null,
          content: dto.content,
          images: photos.map((p) => p.ref),
          imageCount: photos.length,
          status,
          counted: false,
          moderationNote: note,
        }),
      );
    });
    if (saved.status === 'PUBLISHED') await this.catalogCache.productsChanged([saved.productId], { listsToo: false });
    return toMyReview(this.config, saved);
  }

  /** Reviews waiting on photos whose verdict just arrived. */
  async settleUsing(mediaIds: number[]): Promise<void> {
    if (mediaIds.length === 0) return;
    const usesAny = refersToAny('r.images', mediaIds);
    const waiting = await this.reviews
      .createQueryBuilder('r')
      .where('r.status = :s', { s: 'PENDING' })
      .andWhere(usesAny.sql, usesAny.params)
      .getMany();
    for (const review of waiting) await this.settle(review);
  }

  /** Every PENDING review, oldest first (the timer's safety net; tests call it too). */
  async settlePending(limit = 200): Promise<number> {
    const waiting = await this.reviews.find({ where: { status: 'PENDING' }, order: { id: 'ASC' }, take: limit });
    let moved = 0;
    for (const review of waiting) if (await this.settle(review)) moved++;
    return moved;
  }

  /** A PENDING review becomes PUBLISHED, HELD or REJECTED once its photos' checks are all back. */
  private async settle(review: ReviewEntity): Promise<boolean> {
    const ids = review.images.map((r) => parseMediaRef(r)?.id).filter((id): id is number => id !== undefined);
    const statuses = await this.media.statusOf(ids);
    const { status, note } = initialStatus(
      'pass',
      ids.map((id) => statuses.get(id)),
    );
    if (status === 'PENDING') return false;
    const moved = await this.tx.run((em) =>
      moveReview(em, this.products, review, 'PENDING', status, { moderationNote: note }),
    );
    if (moved && status === 'PUBLISHED') {
      await this.catalogCache.productsChanged([review.productId], { listsToo: review.kind === 'INITIAL' });
    }
    return moved;
  }

  private async refuseSecond(orderItemId: number, kind: ReviewKind): Promise<void> {
    if ((await this.reviews.countBy({ orderItemId, kind })) > 0) throw alreadyReviewed(kind);
  }

  /** The unique (order item, kind) index settles a race between two submits of the same review. */
  private async insert(kind: ReviewKind, work: (em: EntityManager) => Promise<ReviewEntity>): Promise<ReviewEntity> {
    try {
      return await this.tx.run(work);
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyReviewed(kind);
      throw err;
    }
  }

  private async checkText(userId: number, content: string): Promise<'pass' | 'review'> {
    if (!this.contentSecurity) return 'pass';
    const { verdict } = await this.contentSecurity.checkText({
      openid: await this.auth.openidOf(userId),
      scene: 2,
      content,
    });
    if (verdict === 'risky') {
      throw Errors.CONTENT_RISKY('评价内容含有不适宜展示的信息，请修改后再提交', {
        errors: [{ field: 'content', message: 'refused by content security' }],
      });
    }
    return verdict;
  }
}

const alreadyReviewed = (kind: ReviewKind): AppError =>
  Errors.REVIEW_ALREADY_EXISTS(kind === 'INITIAL' ? '这件商品已经评价过了，可以追加评价' : '这件商品已经追评过了');

/** What a follow-up copies from its first review. */
const pick = (p: ReviewEntity) => ({
  userId: p.userId,
  orderId: p.orderId,
  orderItemId: p.orderItemId,
  productId: p.productId,
  skuId: p.skuId,
  anonymous: p.anonymous,
  nickname: p.nickname,
  avatarUrl: p.avatarUrl,
  specs: p.specs,
});
