import type { SpecValues } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('skus')
export class SkuEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ type: 'simple-json' })
  specs!: SpecValues;

  /** fen */
  @Column({ type: 'integer' })
  price!: number;

  @Column({ name: 'original_price', type: 'integer', nullable: true })
  originalPrice!: number | null;

  @Column({ type: 'integer', default: 0 })
  stock!: number;

  /** most units of this SKU one order may hold; null: ORDER_MAX_UNITS_PER_SKU */
  @Column({ name: 'purchase_limit', type: 'integer', nullable: true })
  purchaseLimit!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  code!: string | null;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
