import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OutboxRow } from './outbox-row';

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
export class SubscribeMessageEntity extends OutboxRow<SubscribeMessageStatus> {
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

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt!: Date | null;
}
