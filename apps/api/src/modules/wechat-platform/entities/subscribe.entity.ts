import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How many one-time notices of a template the shopper has allowed and not yet used. */
@Entity('wechat_subscribe_acceptances')
export class SubscribeAcceptanceEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'integer' })
  remaining!: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

export type SubscribeMessageStatus = 'PENDING' | 'SENDING' | 'SENT' | 'REFUSED' | 'FAILED';

/** The notice outbox: written after the order's commit, sent by the worker. */
@Entity('wechat_subscribe_messages')
export class SubscribeMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 128 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 32 })
  event!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ name: 'order_id', type: 'integer', nullable: true })
  orderId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  page!: string | null;

  @Column({ type: 'simple-json' })
  data!: Record<string, string>;

  @Column({ type: 'varchar', length: 16 })
  status!: SubscribeMessageStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt!: Date;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
