import { Column, Entity } from 'typeorm';
import { OutboxRow } from './outbox-row';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

/** How many one-time notices of a template the shopper has allowed and not yet used. */
@Entity('wechat_subscribe_acceptances')
export class SubscribeAcceptanceEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @IntColumn() remaining!: number;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

export type SubscribeMessageStatus = 'PENDING' | 'SENDING' | 'SENT' | 'REFUSED' | 'FAILED';

/** The notice outbox: written after the order's commit, sent by the worker. */
@Entity('wechat_subscribe_messages')
export class SubscribeMessageEntity extends OutboxRow<SubscribeMessageStatus> {
  @IntColumn('user_id') userId!: number;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 128 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 32 })
  event!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @IntColumn('order_id', { nullable: true }) orderId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  page!: string | null;

  @Column({ type: 'simple-json' })
  data!: Record<string, string>;

  @DateTimeColumn('sent_at', { nullable: true }) sentAt!: Date | null;
}
