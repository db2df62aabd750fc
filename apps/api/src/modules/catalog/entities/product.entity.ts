import type { SpecAxis } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('products')
export class ProductEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'category_id', type: 'integer' })
  categoryId!: number;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  subtitle!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json' })
  images!: string[];

  @Column({ name: 'spec_axes', type: 'simple-json' })
  specAxes!: SpecAxis[];

  @Column({ name: 'on_shelf', type: 'boolean', default: true })
  onShelf!: boolean;

  /** lowest live SKU price, kept in step with the SKUs for sorting and list pages */
  @Column({ name: 'min_price', type: 'integer', default: 0 })
  minPrice!: number;

  @Column({ name: 'original_price', type: 'integer', nullable: true })
  originalPrice!: number | null;

  @Column({ type: 'integer', default: 0 })
  sales!: number;

  /** public reviews (first reviews only), kept by ProductRatingsService for the rating sorts */
  @Column({ name: 'review_count', type: 'integer', default: 0 })
  reviewCount!: number;

  @Column({ name: 'rating_total', type: 'integer', default: 0 })
  ratingTotal!: number;

  /** average stars × 100 (integer), 0 without reviews */
  @Column({ name: 'rating_avg', type: 'integer', default: 0 })
  ratingAvg!: number;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
