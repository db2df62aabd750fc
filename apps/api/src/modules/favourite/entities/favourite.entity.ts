import { Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, IntColumn } from '../../../database/columns';

@Entity('favourites')
export class FavouriteEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn('product_id') productId!: number;
  @CreatedAtColumn() createdAt!: Date;
}
