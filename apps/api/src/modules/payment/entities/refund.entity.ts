import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

export type RefundKind = 'admin' | 'paid_after_cancel' | 'aftersale';
export type RefundRowStatus = 'SUBMITTING' | 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

@Entity('refunds')
export class RefundEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;

  /** one full refund per order: `R` + order_no; after-sale refunds `R` + order_no + `A` + request id */
  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 })
  outRefundNo!: string;

  @Column({ name: 'refund_id', type: 'varchar', length: 64, nullable: true })
  refundId!: string | null;

  /** fen; never more than what was paid (`total`) */
  @IntColumn() amount!: number;
  @IntColumn() total!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: RefundKind;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundRowStatus;

  /** after-sale refunds: the request, its line, and how many of its pieces went back into stock */
  @IntColumn('aftersale_id', { nullable: true }) aftersaleId!: number | null;
  @IntColumn('sku_id', { nullable: true }) skuId!: number | null;
  @IntColumn('restocked_qty', { default: 0 }) restockedQty!: number;
  @DateTimeColumn('succeeded_at', { nullable: true }) succeededAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
