import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('addresses')
export class AddressEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;

  @Column({ name: 'receiver_name', type: 'varchar', length: 64 })
  receiverName!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'varchar', length: 32 })
  province!: string;

  @Column({ type: 'varchar', length: 32 })
  city!: string;

  @Column({ type: 'varchar', length: 32 })
  district!: string;

  @Column({ type: 'varchar', length: 255 })
  detail!: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 12, nullable: true })
  postalCode!: string | null;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
