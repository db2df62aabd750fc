import type { ReviewKind, ReviewStatus, SpecValues } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

/**
 * A shopper's review of one order line: the first one (rated) or its single follow-up. Held
 * reviews (status HELD, reason in moderation_note) are this table's own queue for operators; the
 * moderation queue (`content_reviews`, nicknames today) can take them over by status.
 */
@Entity('reviews')
export class ReviewEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn('order_id') orderId!: number;
  @IntColumn('order_item_id') orderItemId!: number;
  @IntColumn('product_id') productId!: number;
  @IntColumn('sku_id') skuId!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: ReviewKind;

  @IntColumn('parent_id', { nullable: true }) parentId!: number | null;

  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  @Column({ type: 'text' })
  content!: string;

  /** `media:<id>/<hash>` references */
  @Column({ type: 'simple-json' })
  images!: string[];

  @IntColumn('image_count', { default: 0 }) imageCount!: number;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  /** the author's nickname and avatar when they wrote it */
  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname!: string | null;

  @Column({ name: 'avatar_url', type: 'varchar', length: 512, nullable: true })
  avatarUrl!: string | null;

  @Column({ type: 'simple-json' })
  specs!: SpecValues;

  @Column({ type: 'varchar', length: 12 })
  status!: ReviewStatus;

  /** true while this review is in products.review_count (a PUBLISHED first review) */
  @Column({ type: 'boolean', default: false })
  counted!: boolean;

  @Column({ name: 'moderation_note', type: 'varchar', length: 200, nullable: true })
  moderationNote!: string | null;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @DateTimeColumn('replied_at', { nullable: true }) repliedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
