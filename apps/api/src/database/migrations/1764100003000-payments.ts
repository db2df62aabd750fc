import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, fkColumn, idColumn, int, nowDefault, str, text, timestamps } from './helpers';

export class Payments1764100003000 implements MigrationInterface {
  name = 'Payments1764100003000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'payments',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          str('out_trade_no', 32),
          str('prepay_id', 64, true),
          datetime('prepay_expires_at', true),
          int('amount'),
          // PENDING → SUCCESS | CLOSED
          str('status', 16, false, 'PENDING'),
          str('transaction_id', 64, true),
          datetime('paid_at', true),
          datetime('last_checked_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_payments_order', columnNames: ['order_id'], isUnique: true },
          { name: 'uq_payments_out_trade_no', columnNames: ['out_trade_no'], isUnique: true },
          { name: 'ix_payments_status', columnNames: ['status', 'created_at'] },
        ],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'payment_notifications',
        columns: [
          idColumn(),
          // WeChat's event id: the unique key that makes a duplicate delivery a no-op
          str('notification_id', 64),
          str('event_type', 32),
          str('out_trade_no', 32, true),
          str('out_refund_no', 64, true),
          str('result', 32),
          // the body exactly as received and verified, kept for audit
          text('raw_body', false),
          { ...datetime('created_at'), default: nowDefault(qr) },
        ],
        indices: [
          { name: 'uq_payment_notifications_id', columnNames: ['notification_id'], isUnique: true },
          { name: 'ix_payment_notifications_trade', columnNames: ['out_trade_no'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'refunds',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          str('out_refund_no', 64),
          str('refund_id', 64, true),
          int('amount'),
          int('total'),
          str('reason', 200, true),
          // admin | paid_after_cancel
          str('kind', 24),
          // SUBMITTING → PROCESSING → SUCCESS | ABNORMAL | CLOSED
          str('status', 16),
          datetime('succeeded_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_refunds_out_refund_no', columnNames: ['out_refund_no'], isUnique: true },
          { name: 'ix_refunds_order', columnNames: ['order_id'] },
          { name: 'ix_refunds_status', columnNames: ['status', 'updated_at'] },
        ],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['refunds', 'payment_notifications', 'payments']) await qr.dropTable(table);
  }
}
