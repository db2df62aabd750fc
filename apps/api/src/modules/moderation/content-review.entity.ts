import type { ContentReviewStatus } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Shopper text held for an operator because WeChat's msg_sec_check answered `review`. */
@Entity('content_reviews')
export class ContentReviewEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'integer' })
  subjectId!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'wechat_trace_id', type: 'varchar', length: 64, nullable: true })
  wechatTraceId!: string | null;

  @Column({ name: 'wechat_label', type: 'integer', nullable: true })
  wechatLabel!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ContentReviewStatus;

  /** 'P' while PENDING, NULL after: the unique index keeps one pending text per subject. */
  @Column({ name: 'open_slot', type: 'varchar', length: 1, nullable: true })
  openSlot!: 'P' | null;

  @Column({ name: 'operator_id', type: 'integer', nullable: true })
  operatorId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
