import type { AfterSaleStatus, AfterSaleType } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('aftersale_requests')
export class AfterSaleEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn('sku_id') skuId!: number;
  @IntColumn() quantity!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: AfterSaleType;

  @Column({ type: 'varchar', length: 20 })
  status!: AfterSaleStatus;

  @Column({ type: 'varchar', length: 64 })
  reason!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  photos!: string[] | null;

  @IntColumn('refund_fen') refundFen!: number;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'carrier_code', type: 'varchar', length: 32, nullable: true })
  carrierCode!: string | null;

  @Column({ name: 'tracking_no', type: 'varchar', length: 32, nullable: true })
  trackingNo!: string | null;

  @Column({ type: 'boolean', default: false })
  restocked!: boolean;

  @Column({ name: 'open_key', type: 'varchar', length: 48, nullable: true })
  openKey!: string | null;

  @DateTimeColumn('deadline_at', { nullable: true }) deadlineAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
