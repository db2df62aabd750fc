import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, idColumn, str, timestamps } from './helpers';

export class Users1764100000000 implements MigrationInterface {
  name = 'Users1764100000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          str('openid', 64),
          str('unionid', 64, true),
          // session_key is kept server-side only (to decrypt wx data later); never serialised.
          str('session_key', 128, true),
          str('nickname', 64, true),
          str('avatar_url', 512, true),
          datetime('last_login_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_users_openid', columnNames: ['openid'], isUnique: true },
          { name: 'ix_users_unionid', columnNames: ['unionid'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'admin_users',
        columns: [
          idColumn(),
          str('username', 64),
          str('password_hash', 100),
          str('role', 16, false, 'admin'),
          datetime('last_login_at', true),
          ...timestamps(qr),
        ],
        indices: [{ name: 'uq_admin_users_username', columnNames: ['username'], isUnique: true }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('admin_users');
    await qr.dropTable('users');
  }
}
