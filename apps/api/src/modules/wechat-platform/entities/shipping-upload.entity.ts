import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ShippingUploadStatus = 'PENDING' | 'UPLOADING' | 'DONE' | 'FAILED';
export interface Parcel {
  carrierCode: string;
  trackingNo: string;
  /** the pieces in this parcel (its item_desc), when the operator itemised the parcels */
  items?: Array<{ skuId: number; quantity: number }>;
}

/** The durable job that reports one order's shipment to WeChat (发货信息录入). */
@Entity('wechat_shipping_uploads')
export class ShippingUploadEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'order_no', type: 'varchar', length: 32 })
  orderNo!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ShippingUploadStatus;

  @Column({ name: 'logistics_type', type: 'integer' })
  logisticsType!: 1 | 2 | 3 | 4;

  @Column({ type: 'simple-json' })
  parcels!: Parcel[];

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt!: Date;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3, nullable: true })
  uploadedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
