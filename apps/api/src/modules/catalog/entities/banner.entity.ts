import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('banners')
export class BannerEntity {
  @IdColumn() id!: number;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  @Column({ type: 'varchar', length: 512 })
  image!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  link!: string | null;

  @IntColumn('sort_order', { default: 0 }) sortOrder!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
