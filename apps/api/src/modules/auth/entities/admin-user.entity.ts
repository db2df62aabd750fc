import type { OperatorRole } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('admin_users')
export class AdminUserEntity {
  @IdColumn() id!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'admin' })
  role!: 'admin';

  /** what this operator may do (libs/contracts permissions.ts) */
  @Column({ name: 'operator_role', type: 'varchar', length: 32, default: 'owner' })
  operatorRole!: OperatorRole;

  /** moves on when the password changes, the account is disabled or the operator logs out */
  @IntColumn('token_version', { default: 0 }) tokenVersion!: number;
  @DateTimeColumn('disabled_at', { nullable: true }) disabledAt!: Date | null;
  @DateTimeColumn('last_login_at', { nullable: true }) lastLoginAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
