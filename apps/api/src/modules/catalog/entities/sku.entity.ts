import type { SpecValues } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('skus')
export class SkuEntity {
  @IdColumn() id!: number;
  @IntColumn('product_id') productId!: number;

  @Column({ type: 'simple-json' })
  specs!: SpecValues;

  /** fen */
  @IntColumn() price!: number;
  @IntColumn('original_price', { nullable: true }) originalPrice!: number | null;

  @Column({ type: 'integer', default: 0 })
  stock!: number;

  /** most units of this SKU one order may hold; null: ORDER_MAX_UNITS_PER_SKU */
  @IntColumn('purchase_limit', { nullable: true }) purchaseLimit!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  @DateTimeColumn('deleted_at', { nullable: true }) deletedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
