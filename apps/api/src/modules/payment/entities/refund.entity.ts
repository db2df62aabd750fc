import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RefundKind = 'admin' | 'paid_after_cancel';
export type RefundRowStatus = 'SUBMITTING' | 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  /** one full refund per order: `R` + order_no, so a second refund can't be created */
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

  @Column({ name: 'succeeded_at', type: 'datetime', precision: 3, nullable: true })
  succeededAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
