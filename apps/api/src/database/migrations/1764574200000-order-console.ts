import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, fkColumn, idColumn, int, str, text } from './helpers';

const BATCH = 500;

/**
 * The console's order screens (issue 24):
 * - `order_parcels`: every parcel of a shipment (split shipping); the order row keeps the first
 *   one's carrier and number, which tracking and the signed-for rule follow;
 * - `orders.receiver_phone`: the address snapshot's phone as a column, so operators can find an
 *   order by it with an index instead of searching JSON text; filled here for the orders that exist;
 * - indexes for the admin list: all orders by creation or payment time, and lines by product.
 */
export class OrderConsole1764574200000 implements MigrationInterface {
  name = 'OrderConsole1764574200000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'order_parcels',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          int('seq'),
          str('carrier_code', 32),
          str('tracking_no', 32),
          text('items', true),
          datetime('shipped_at'),
        ],
        indices: [{ name: 'uq_order_parcels_order_seq', columnNames: ['order_id', 'seq'], isUnique: true }],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
    await qr.addColumn('orders', new TableColumn({ ...str('receiver_phone', 20, true) }));
    for (let afterId = 0; ;) {
      const rows = (await qr.query(`SELECT id, address FROM orders WHERE id > ? ORDER BY id LIMIT ${BATCH}`, [
        afterId,
      ])) as Array<{ id: number; address: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const phone = phoneOf(row.address);
        if (phone) await qr.query('UPDATE orders SET receiver_phone = ? WHERE id = ?', [phone, row.id]);
      }
      afterId = Number(rows[rows.length - 1].id);
    }
    await qr.createIndices('orders', [
      new TableIndex({ name: 'ix_orders_receiver_phone', columnNames: ['receiver_phone'] }),
      new TableIndex({ name: 'ix_orders_created', columnNames: ['created_at'] }),
      new TableIndex({ name: 'ix_orders_paid', columnNames: ['paid_at'] }),
    ]);
    await qr.createIndex(
      'order_items',
      new TableIndex({ name: 'ix_order_items_product', columnNames: ['product_id'] }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('order_items', 'ix_order_items_product');
    for (const name of ['ix_orders_paid', 'ix_orders_created', 'ix_orders_receiver_phone']) {
      await qr.dropIndex('orders', name);
    }
    await qr.dropColumn('orders', 'receiver_phone');
    await qr.dropTable('order_parcels', true, true, true);
  }
}

function phoneOf(address: string): string | null {
  try {
    const phone = (JSON.parse(address) as { phone?: unknown }).phone;
    return typeof phone === 'string' && phone.length <= 20 ? phone : null;
  } catch {
    return null;
  }
}
