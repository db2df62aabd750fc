import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, fkColumn, idColumn, int, str, text, timestamps } from './helpers';

/**
 * The content review queue: shopper text WeChat's msg_sec_check answered `review` for, held for an
 * operator (moderation module). `open_slot` is 'P' while the row is PENDING and NULL afterwards, so
 * the unique index allows one pending text per subject on SQLite and MariaDB alike (both let NULLs
 * repeat in a unique index) while decided rows pile up freely.
 */
export class ContentReviews1764510000000 implements MigrationInterface {
  name = 'ContentReviews1764510000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'content_reviews',
        columns: [
          idColumn(),
          str('subject_type', 32),
          fkColumn('subject_id'),
          fkColumn('user_id'),
          text('text', false),
          str('wechat_trace_id', 64, true),
          int('wechat_label', undefined, true),
          // PENDING → APPROVED | REJECTED (an operator) | WITHDRAWN (the author replaced the text)
          str('status', 16, false, 'PENDING'),
          str('open_slot', 1, true, 'P'),
          fkColumn('operator_id', true),
          str('reason', 200, true),
          datetime('decided_at', true),
          ...timestamps(qr),
        ],
        indices: [
          {
            name: 'uq_content_reviews_open',
            columnNames: ['subject_type', 'subject_id', 'open_slot'],
            isUnique: true,
          },
          { name: 'ix_content_reviews_status', columnNames: ['status', 'id'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('content_reviews');
  }
}
