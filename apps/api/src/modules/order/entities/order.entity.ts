import type { OrderAddress, OrderStatus } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('orders')
export class OrderEntity {
  @IdColumn() id!: number;

  @Column({ name: 'order_no', type: 'varchar', length: 32 })
  orderNo!: string;

  @IntColumn('user_id') userId!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: OrderStatus;

  @IntColumn('goods_amount') goodsAmount!: number;
  @IntColumn('freight_amount') freightAmount!: number;
  @IntColumn('payable_amount') payableAmount!: number;

  /** snapshot: later edits to the address book don't change where this order goes */
  @Column({ type: 'simple-json' })
  address!: OrderAddress;

  /** the address snapshot's phone, as a column operators search by (indexed) */
  @Column({ name: 'receiver_phone', type: 'varchar', length: 20, nullable: true })
  receiverPhone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  remark!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  @DateTimeColumn('pay_deadline') payDeadline!: Date;

  // What happens later in the order's life starts out empty: a new order names none of it.
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true })
  paidAt: Date | null = null;

  @Column({ name: 'shipped_at', type: 'datetime', precision: 3, nullable: true })
  shippedAt: Date | null = null;

  @Column({ name: 'carrier_code', type: 'varchar', length: 32, nullable: true })
  carrierCode: string | null = null;

  @Column({ name: 'tracking_no', type: 'varchar', length: 32, nullable: true })
  trackingNo: string | null = null;

  @Column({ name: 'signed_at', type: 'datetime', precision: 3, nullable: true })
  signedAt: Date | null = null;

  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true })
  completedAt: Date | null = null;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null = null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 64, nullable: true })
  cancelReason: string | null = null;

  @Column({ name: 'refund_requested_at', type: 'datetime', precision: 3, nullable: true })
  refundRequestedAt: Date | null = null;

  @Column({ name: 'refunded_at', type: 'datetime', precision: 3, nullable: true })
  refundedAt: Date | null = null;

  @Column({ name: 'refund_reason', type: 'varchar', length: 200, nullable: true })
  refundReason: string | null = null;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
