import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('users')
export class UserEntity {
  @IdColumn() id!: number;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  /** WeChat session_key: server-side only, never selected into a response. */
  @Column({ name: 'session_key', type: 'varchar', length: 128, nullable: true, select: false })
  sessionKey!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname!: string | null;

  @Column({ name: 'avatar_url', type: 'varchar', length: 512, nullable: true })
  avatarUrl!: string | null;

  @DateTimeColumn('last_login_at', { nullable: true }) lastLoginAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
