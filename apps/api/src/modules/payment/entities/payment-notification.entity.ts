import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn } from '../../../database/columns';

/** Every accepted WeChat Pay notification, once (unique id), with its raw body for audit. */
@Entity('payment_notifications')
export class PaymentNotificationEntity {
  @IdColumn() id!: number;

  @Column({ name: 'notification_id', type: 'varchar', length: 64 })
  notificationId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 32 })
  eventType!: string;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, nullable: true })
  outTradeNo!: string | null;

  @Column({ name: 'out_refund_no', type: 'varchar', length: 64, nullable: true })
  outRefundNo!: string | null;

  @Column({ type: 'varchar', length: 32 })
  result!: string;

  @Column({ name: 'raw_body', type: 'text' })
  rawBody!: string;

  @CreatedAtColumn() createdAt!: Date;
}
