import type { SpecValues } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A line as it was sold: title, specs, image and unit price are snapshots. */
@Entity('order_items')
export class OrderItemEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'order_id', type: 'integer' })
  orderId!: number;

  @Column({ name: 'sku_id', type: 'integer' })
  skuId!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  @Column({ type: 'simple-json' })
  specs!: SpecValues;

  @Column({ type: 'varchar', length: 512, nullable: true })
  image!: string | null;

  @Column({ name: 'unit_price', type: 'integer' })
  unitPrice!: number;

  @Column({ type: 'integer' })
  quantity!: number;
}
