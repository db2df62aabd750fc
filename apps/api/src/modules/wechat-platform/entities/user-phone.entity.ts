import { Column, Entity, PrimaryColumn } from 'typeorm';

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

  @Column({ name: 'phone_bound_at', type: 'datetime', precision: 3, nullable: true })
  phoneBoundAt!: Date | null;
}
