import type { SpecValues } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { IdColumn, IntColumn } from '../../../database/columns';

/** A line as it was sold: title, specs, image and unit price are snapshots. */
@Entity('order_items')
export class OrderItemEntity {
  @IdColumn() id!: number;
  @IntColumn('order_id') orderId!: number;
  @IntColumn('sku_id') skuId!: number;
  @IntColumn('product_id') productId!: number;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  @Column({ type: 'simple-json' })
  specs!: SpecValues;

  @Column({ type: 'varchar', length: 512, nullable: true })
  image!: string | null;

  @IntColumn('unit_price') unitPrice!: number;
  @IntColumn() quantity!: number;
}
