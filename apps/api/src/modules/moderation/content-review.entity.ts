import type { ContentReviewStatus } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../database/columns';

/** Shopper text held for an operator because WeChat's msg_sec_check answered `review`. */
@Entity('content_reviews')
export class ContentReviewEntity {
  @IdColumn() id!: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @IntColumn('subject_id') subjectId!: number;
  @IntColumn('user_id') userId!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'wechat_trace_id', type: 'varchar', length: 64, nullable: true })
  wechatTraceId!: string | null;

  @IntColumn('wechat_label', { nullable: true }) wechatLabel!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ContentReviewStatus;

  /** 'P' while PENDING, NULL after: the unique index keeps one pending text per subject. */
  @Column({ name: 'open_slot', type: 'varchar', length: 1, nullable: true })
  openSlot!: 'P' | null;

  @IntColumn('operator_id', { nullable: true }) operatorId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @DateTimeColumn('decided_at', { nullable: true }) decidedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
