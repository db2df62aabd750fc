import type { ReviewKind, ReviewStatus, SpecValues } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A shopper's review of one order line: the first one (rated) or its single follow-up. Held
 * reviews (status HELD, reason in moderation_note) are this table's own queue for operators; the
 * moderation queue (`content_reviews`, nicknames today) can take them over by status.
 */
@Entity('reviews')
export class ReviewEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'order_item_id', type: 'integer' })
  orderItemId!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ name: 'sku_id', type: 'integer' })
  skuId!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: ReviewKind;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @Column({ type: 'integer', nullable: true })
  rating!: number | null;

  @Column({ type: 'text' })
  content!: string;

  /** `media:<id>/<hash>` references */
  @Column({ type: 'simple-json' })
  images!: string[];

  @Column({ name: 'image_count', type: 'integer', default: 0 })
  imageCount!: number;

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

  @Column({ name: 'replied_at', type: 'datetime', precision: 3, nullable: true })
  repliedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
