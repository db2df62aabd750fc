import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { normaliseUsername } from '../../modules/auth/username';

/**
 * Operator sessions that can be revoked: a token carries the account's token_version and is
 * refused once it moved on (password change or reset, disable, logout). Usernames are stored
 * normalised (NFKC, trimmed, lower case) so `OPS`, `ops ` and `Ｏｐｓ` are one account on SQLite
 * and MariaDB alike; an existing name whose normal form is taken by another is left as it was.
 */
export class AdminSessions1764200001000 implements MigrationInterface {
  name = 'AdminSessions1764200001000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('admin_users', [
      new TableColumn({ name: 'token_version', type: 'integer', isNullable: false, default: 0 }),
      new TableColumn({ name: 'disabled_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    const rows = (await qr.query('SELECT id, username FROM admin_users')) as Array<{ id: number; username: string }>;
    const taken = new Set(rows.map((r) => r.username));
    for (const row of rows) {
      const normal = normaliseUsername(row.username);
      if (normal === row.username || taken.has(normal)) continue;
      await qr.query('UPDATE admin_users SET username = ? WHERE id = ?', [normal, row.id]);
      taken.add(normal);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('admin_users', 'disabled_at');
    await qr.dropColumn('admin_users', 'token_version');
  }
}
