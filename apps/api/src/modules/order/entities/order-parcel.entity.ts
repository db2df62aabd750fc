import type { ParcelItem } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One parcel of an order's shipment (split shipping). Written once, with the ship transition;
 * `seq` 1 is the parcel the order row names (carrier_code, tracking_no) and tracking follows.
 */
@Entity('order_parcels')
export class OrderParcelEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'carrier_code', type: 'varchar', length: 32 })
  carrierCode!: string;

  @Column({ name: 'tracking_no', type: 'varchar', length: 32 })
  trackingNo!: string;

  /** the pieces in this parcel, when the operator itemised the parcels */
  @Column({ type: 'simple-json', nullable: true })
  items!: ParcelItem[] | null;

  @Column({ name: 'shipped_at', type: 'datetime', precision: 3 })
  shippedAt!: Date;
}
