import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

export type PaymentStatus = 'PENDING' | 'SUCCESS' | 'CLOSED';

/** One WeChat Pay order per shop order (out_trade_no = orders.order_no). */
@Entity('payments')
export class PaymentEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId!: string | null;

  /** prepay_id lives 2 h at WeChat, independently of the order's own deadline */
  @DateTimeColumn('prepay_expires_at', { nullable: true }) prepayExpiresAt!: Date | null;
  @IntColumn() amount!: number;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: PaymentStatus;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64, nullable: true })
  transactionId!: string | null;

  @DateTimeColumn('paid_at', { nullable: true }) paidAt!: Date | null;
  @DateTimeColumn('last_checked_at', { nullable: true }) lastCheckedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
