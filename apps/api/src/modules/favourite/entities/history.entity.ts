import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per shopper and product: a new view moves `viewed_at`, never adds a row. */
@Entity('browsing_history')
export class HistoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'product_id', type: 'integer' })
  productId!: number;

  @Column({ name: 'viewed_at', type: 'datetime', precision: 3 })
  viewedAt!: Date;
}
