import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns';

/**
 * The phone columns of `users`, owned by this module (its own migration adds them). A narrow view
 * so nothing here can write the auth module's columns.
 */
@Entity('users', { synchronize: false })
export class UserPhoneEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @DateTimeColumn('phone_bound_at', { nullable: true }) phoneBoundAt!: Date | null;
}
