import type { SpecAxis } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('products')
export class ProductEntity {
  @IdColumn() id!: number;
  @IntColumn('category_id') categoryId!: number;

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
  @IntColumn('min_price', { default: 0 }) minPrice!: number;
  @IntColumn('original_price', { nullable: true }) originalPrice!: number | null;

  @Column({ type: 'integer', default: 0 })
  sales!: number;

  /** public reviews (first reviews only), kept by ProductRatingsService for the rating sorts */
  @IntColumn('review_count', { default: 0 }) reviewCount!: number;
  @IntColumn('rating_total', { default: 0 }) ratingTotal!: number;

  /** average stars × 100 (integer), 0 without reviews */
  @IntColumn('rating_avg', { default: 0 }) ratingAvg!: number;
  @DateTimeColumn('deleted_at', { nullable: true }) deletedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
