import type { ParcelItem } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn } from '../../../database/columns';

/**
 * One parcel of an order's shipment (split shipping). Written once, with the ship transition;
 * `seq` 1 is the parcel the order row names (carrier_code, tracking_no) and tracking follows.
 */
@Entity('order_parcels')
export class OrderParcelEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;
  @IntColumn() seq!: number;

  @Column({ name: 'carrier_code', type: 'varchar', length: 32 })
  carrierCode!: string;

  @Column({ name: 'tracking_no', type: 'varchar', length: 32 })
  trackingNo!: string;

  /** the pieces in this parcel, when the operator itemised the parcels */
  @Column({ type: 'simple-json', nullable: true })
  items!: ParcelItem[] | null;

  @DateTimeColumn('shipped_at') shippedAt!: Date;
}
