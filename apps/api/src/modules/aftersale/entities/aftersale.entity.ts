import type { AfterSaleStatus, AfterSaleType } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('aftersale_requests')
export class AfterSaleEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'sku_id', type: 'integer' })
  skuId!: number;

  @Column({ type: 'integer' })
  quantity!: number;

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

  @Column({ name: 'refund_fen', type: 'integer' })
  refundFen!: number;

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

  @Column({ name: 'deadline_at', type: 'datetime', precision: 3, nullable: true })
  deadlineAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
