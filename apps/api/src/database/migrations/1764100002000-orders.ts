import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, createTable, datetime, fkColumn, idColumn, int, str, text, timestamps } from './helpers';

export class Orders1764100002000 implements MigrationInterface {
  name = 'Orders1764100002000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'cart_items',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          fkColumn('sku_id'),
          int('quantity'),
          bool('selected', true),
          ...timestamps(qr),
        ],
        indices: [{ name: 'uq_cart_items_user_sku', columnNames: ['user_id', 'sku_id'], isUnique: true }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'addresses',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          str('receiver_name', 64),
          str('phone', 20),
          str('province', 32),
          str('city', 32),
          str('district', 32),
          str('detail', 255),
          str('postal_code', 12, true),
          bool('is_default', false),
          ...timestamps(qr),
        ],
        indices: [{ name: 'ix_addresses_user', columnNames: ['user_id'] }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'orders',
        columns: [
          idColumn(),
          str('order_no', 32),
          fkColumn('user_id'),
          str('status', 20),
          int('goods_amount'),
          int('freight_amount'),
          int('payable_amount'),
          text('address', false),
          str('remark', 200, true),
          str('idempotency_key', 64, true),
          str('request_hash', 64, true),
          datetime('pay_deadline'),
          datetime('paid_at', true),
          datetime('shipped_at', true),
          str('carrier_code', 32, true),
          str('tracking_no', 32, true),
          datetime('signed_at', true),
          datetime('completed_at', true),
          datetime('cancelled_at', true),
          str('cancel_reason', 64, true),
          datetime('refund_requested_at', true),
          datetime('refunded_at', true),
          str('refund_reason', 200, true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_orders_order_no', columnNames: ['order_no'], isUnique: true },
          // a retried submit with the same Idempotency-Key finds the first order
          { name: 'uq_orders_user_idempotency', columnNames: ['user_id', 'idempotency_key'], isUnique: true },
          { name: 'ix_orders_user_status', columnNames: ['user_id', 'status', 'created_at'] },
          { name: 'ix_orders_status_deadline', columnNames: ['status', 'pay_deadline'] },
          { name: 'ix_orders_status_shipped', columnNames: ['status', 'shipped_at'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'order_items',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          fkColumn('sku_id'),
          fkColumn('product_id'),
          str('title', 128),
          text('specs', false),
          str('image', 512, true),
          int('unit_price'),
          int('quantity'),
        ],
        indices: [{ name: 'ix_order_items_order', columnNames: ['order_id'] }],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['order_items', 'orders', 'addresses', 'cart_items']) await qr.dropTable(table);
  }
}
