import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RefundKind = 'admin' | 'paid_after_cancel' | 'aftersale';
export type RefundRowStatus = 'SUBMITTING' | 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  /** one full refund per order: `R` + order_no; after-sale refunds `R` + order_no + `A` + request id */
  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 })
  outRefundNo!: string;

  @Column({ name: 'refund_id', type: 'varchar', length: 64, nullable: true })
  refundId!: string | null;

  /** fen; never more than what was paid (`total`) */
  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: RefundKind;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundRowStatus;

  /** after-sale refunds: the request, its line, and how many of its pieces went back into stock */
  @Column({ name: 'aftersale_id', type: 'integer', nullable: true })
  aftersaleId!: number | null;

  @Column({ name: 'sku_id', type: 'integer', nullable: true })
  skuId!: number | null;

  @Column({ name: 'restocked_qty', type: 'integer', default: 0 })
  restockedQty!: number;

  @Column({ name: 'succeeded_at', type: 'datetime', precision: 3, nullable: true })
  succeededAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
