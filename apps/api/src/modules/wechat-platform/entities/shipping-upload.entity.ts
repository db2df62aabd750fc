import { Column, Entity } from 'typeorm';
import { OutboxRow } from './outbox-row';
import { DateTimeColumn, IntColumn } from '../../../database/columns';

export type ShippingUploadStatus = 'PENDING' | 'UPLOADING' | 'DONE' | 'FAILED';
export interface Parcel {
  carrierCode: string;
  trackingNo: string;
  /** the pieces in this parcel (its item_desc), when the operator itemised the parcels */
  items?: Array<{ skuId: number; quantity: number }>;
}

/** The durable job that reports one order's shipment to WeChat (发货信息录入). */
@Entity('wechat_shipping_uploads')
export class ShippingUploadEntity extends OutboxRow<ShippingUploadStatus> {
  @IntColumn('order_id') orderId!: number;

  @Column({ name: 'order_no', type: 'varchar', length: 32 })
  orderNo!: string;

  @IntColumn('logistics_type') logisticsType!: 1 | 2 | 3 | 4;

  @Column({ type: 'simple-json' })
  parcels!: Parcel[];

  @DateTimeColumn('uploaded_at', { nullable: true }) uploadedAt!: Date | null;
}
