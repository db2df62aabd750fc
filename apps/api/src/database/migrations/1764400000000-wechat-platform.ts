import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, fkColumn, idColumn, int, str, text, timestamps } from './helpers';

/**
 * The WeChat platform module's tables: the shipping-info upload outbox (one row per order), the
 * shopper's subscribe-message acceptances (one-time quota per template) and the notice outbox;
 * and the bound phone number on users.
 */
export class WechatPlatform1764400000000 implements MigrationInterface {
  name = 'WechatPlatform1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'wechat_shipping_uploads',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          str('order_no', 32),
          // PENDING (due at next_attempt_at) → UPLOADING (claimed) → DONE | FAILED (given up)
          str('status', 16, false, 'PENDING'),
          // 1 express, 2 same-city, 3 virtual, 4 self-pickup (WeChat's logistics_type)
          int('logistics_type', 1),
          // [{carrierCode, trackingNo}]: several for a split shipment
          text('parcels', false),
          int('attempts', 0),
          datetime('next_attempt_at'),
          datetime('claimed_until', true),
          str('last_error', 500, true),
          datetime('uploaded_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_wechat_shipping_uploads_order', columnNames: ['order_id'], isUnique: true },
          { name: 'ix_wechat_shipping_uploads_due', columnNames: ['status', 'next_attempt_at'] },
        ],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'wechat_subscribe_acceptances',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          str('template_id', 64),
          // one-time subscriptions: each "allow" is one message
          int('remaining', 0),
          ...timestamps(qr),
        ],
        indices: [{ name: 'uq_wechat_subscribe_acceptances', columnNames: ['user_id', 'template_id'], isUnique: true }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'wechat_subscribe_messages',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          // event:orderId:templateId, so a redelivered domain event is not sent twice
          str('dedupe_key', 128),
          str('event', 32),
          str('template_id', 64),
          fkColumn('order_id', true),
          str('page', 200, true),
          text('data', false),
          // PENDING → SENDING → SENT | REFUSED (43101) | FAILED
          str('status', 16, false, 'PENDING'),
          int('attempts', 0),
          datetime('next_attempt_at'),
          datetime('claimed_until', true),
          str('last_error', 500, true),
          datetime('sent_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_wechat_subscribe_messages_dedupe', columnNames: ['dedupe_key'], isUnique: true },
          { name: 'ix_wechat_subscribe_messages_due', columnNames: ['status', 'next_attempt_at'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await qr.addColumns('users', [
      new TableColumn({ name: 'phone', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'phone_bound_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('users', 'phone_bound_at');
    await qr.dropColumn('users', 'phone');
    await qr.dropTable('wechat_subscribe_messages');
    await qr.dropTable('wechat_subscribe_acceptances');
    await qr.dropTable('wechat_shipping_uploads');
  }
}
