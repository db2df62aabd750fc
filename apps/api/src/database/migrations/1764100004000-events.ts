import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { createTable, datetime, fkColumn, isMysql, str, text } from './helpers';

/** Events outgrow INT on a busy shop; SQLite's rowid is 64-bit already and must be INTEGER. */
const bigId = (qr: QueryRunner): TableColumnOptions => ({
  name: 'id',
  type: isMysql(qr) ? 'bigint' : 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});

/**
 * The SQL event store (used when MONGODB_URI is not set): shopper behaviour events plus the
 * server's own order events, and the audit trail. No foreign keys: events are an append-only
 * log that must never block, or be blocked by, the tables they describe.
 */
export class Events1764100004000 implements MigrationInterface {
  name = 'Events1764100004000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'behaviour_events',
        columns: [
          bigId(qr),
          str('type', 32),
          fkColumn('user_id', true),
          fkColumn('product_id', true),
          fkColumn('order_id', true),
          str('keyword', 50, true),
          str('page', 200, true),
          { name: 'amount', type: 'integer', isNullable: true },
          str('request_id', 128, true),
          datetime('client_time', true),
          datetime('server_time'),
          text('props'),
        ],
        indices: [
          { name: 'ix_behaviour_events_type_time', columnNames: ['type', 'server_time'] },
          { name: 'ix_behaviour_events_user_time', columnNames: ['user_id', 'server_time'] },
          { name: 'ix_behaviour_events_product', columnNames: ['product_id'] },
          // the TTL sweeper deletes by age across all types
          { name: 'ix_behaviour_events_time', columnNames: ['server_time'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'audit_log',
        columns: [
          bigId(qr),
          str('kind', 32),
          str('actor_type', 16),
          str('actor_id', 64, true),
          text('payload', false),
          str('request_id', 128, true),
          datetime('created_at'),
        ],
        indices: [
          { name: 'ix_audit_log_kind_time', columnNames: ['kind', 'created_at'] },
          { name: 'ix_audit_log_time', columnNames: ['created_at'] },
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('audit_log');
    await qr.dropTable('behaviour_events');
  }
}
