import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('categories')
export class CategoryEntity {
  @IdColumn() id!: number;
  @IntColumn('parent_id', { nullable: true }) parentId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  icon!: string | null;

  @IntColumn('sort_order', { default: 0 }) sortOrder!: number;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
