import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PaymentStatus = 'PENDING' | 'SUCCESS' | 'CLOSED';

/** One WeChat Pay order per shop order (out_trade_no = orders.order_no). */
@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId!: string | null;

  /** prepay_id lives 2 h at WeChat, independently of the order's own deadline */
  @Column({ name: 'prepay_expires_at', type: 'datetime', precision: 3, nullable: true })
  prepayExpiresAt!: Date | null;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: PaymentStatus;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64, nullable: true })
  transactionId!: string | null;

  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'last_checked_at', type: 'datetime', precision: 3, nullable: true })
  lastCheckedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
