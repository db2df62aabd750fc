import { Entity } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn } from '../../../database/columns';

/** One row per shopper and product: a new view moves `viewed_at`, never adds a row. */
@Entity('browsing_history')
export class HistoryEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn('product_id') productId!: number;
  @DateTimeColumn('viewed_at') viewedAt!: Date;
}
