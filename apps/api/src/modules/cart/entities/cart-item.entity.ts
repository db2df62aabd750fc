import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('cart_items')
export class CartItemEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn('sku_id') skuId!: number;
  @IntColumn() quantity!: number;

  @Column({ type: 'boolean', default: true })
  selected!: boolean;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
