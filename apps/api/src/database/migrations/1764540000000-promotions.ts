import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, createTable, datetime, fkColumn, idColumn, int, nowDefault, str, text, timestamps } from './helpers';

/**
 * Issue 23: coupons, per-line money shares of an order, the points ledger, check-ins and
 * after-sale requests; refunds learn which after-sale request they pay out.
 */
export class Promotions1764540000000 implements MigrationInterface {
  name = 'Promotions1764540000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'coupon_templates',
        columns: [
          idColumn(),
          str('name', 64),
          // THRESHOLD (满减) | PERCENT (折扣, capped) | NO_THRESHOLD (无门槛)
          str('kind', 16),
          int('threshold_fen', 0),
          int('amount_fen', 0),
          // percentage taken off (PERCENT): 15 = 15% off
          int('percent_off', 0),
          int('max_discount_fen', 0),
          // ALL | CATEGORIES | PRODUCTS, with scope_ids naming them
          str('scope', 16, false, 'ALL'),
          text('scope_ids', true),
          datetime('valid_from', true),
          datetime('valid_to', true),
          int('valid_days', undefined, true),
          int('total_quantity'),
          // claims so far: raised only by a conditional UPDATE … WHERE claimed_count < total_quantity
          int('claimed_count', 0),
          int('per_user_limit', 1),
          bool('issuing', true),
          ...timestamps(qr),
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'user_coupons',
        columns: [
          idColumn(),
          fkColumn('template_id'),
          fkColumn('user_id'),
          // AVAILABLE → LOCKED (unpaid order) → USED (paid); LOCKED → AVAILABLE (cancel/expiry)
          str('status', 16, false, 'AVAILABLE'),
          fkColumn('order_id', true),
          datetime('valid_from'),
          datetime('valid_to'),
          datetime('used_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'ix_user_coupons_user', columnNames: ['user_id', 'status'] },
          { name: 'ix_user_coupons_template_user', columnNames: ['template_id', 'user_id'] },
          { name: 'ix_user_coupons_order', columnNames: ['order_id'] },
        ],
        foreignKeys: [
          { columnNames: ['template_id'], referencedTableName: 'coupon_templates', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'order_line_shares',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          fkColumn('sku_id'),
          int('quantity'),
          // unit price × quantity, then the line's share of the coupon and the points (fen)
          int('goods_fen'),
          int('coupon_fen', 0),
          int('points_fen', 0),
          int('points_used', 0),
          // goods − coupon − points: what the shopper paid for this line (freight excluded)
          int('paid_fen'),
          fkColumn('user_coupon_id', true),
          // pieces and fen of this line refunded by after-sale requests so far
          int('refunded_qty', 0),
          int('refunded_fen', 0),
        ],
        indices: [{ name: 'uq_order_line_shares', columnNames: ['order_id', 'sku_id'], isUnique: true }],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'points_accounts',
        // balance = Σ ledger deltas of the user, kept here so a debit is one conditional UPDATE
        columns: [{ ...fkColumn('user_id'), isPrimary: true }, int('balance', 0), ...timestamps(qr)],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'points_ledger',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          int('delta'),
          // CHECKIN | EARN | SPEND | RETURN | CLAWBACK | EXPIRE
          str('reason', 16),
          fkColumn('order_id', true),
          // makes every movement happen once (e.g. "earn:42", "return:aftersale:7")
          str('dedupe_key', 96),
          datetime('expires_at', true),
          { ...datetime('created_at'), default: nowDefault(qr) },
        ],
        indices: [
          { name: 'uq_points_ledger_dedupe', columnNames: ['dedupe_key'], isUnique: true },
          { name: 'ix_points_ledger_user', columnNames: ['user_id', 'created_at'] },
          { name: 'ix_points_ledger_expiry', columnNames: ['expires_at'] },
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'checkins',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          // Beijing calendar day, YYYY-MM-DD: the unique key makes a double check-in impossible
          str('day', 10),
          int('streak'),
          int('points'),
          { ...datetime('created_at'), default: nowDefault(qr) },
        ],
        indices: [{ name: 'uq_checkins_user_day', columnNames: ['user_id', 'day'], isUnique: true }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'aftersale_requests',
        columns: [
          idColumn(),
          fkColumn('order_id'),
          fkColumn('user_id'),
          fkColumn('sku_id'),
          int('quantity'),
          // REFUND_ONLY | RETURN_REFUND
          str('type', 16),
          str('status', 20),
          str('reason', 64),
          str('description', 500, true),
          text('photos', true),
          int('refund_fen'),
          str('reject_reason', 200, true),
          str('carrier_code', 32, true),
          str('tracking_no', 32, true),
          bool('restocked', false),
          // "orderId:skuId" while the request is open, NULL once it ends: one open request per line
          str('open_key', 48, true),
          // when the timeout sweeper acts on the current state (auto-approve, close)
          datetime('deadline_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_aftersale_open', columnNames: ['open_key'], isUnique: true },
          { name: 'ix_aftersale_order', columnNames: ['order_id'] },
          { name: 'ix_aftersale_user', columnNames: ['user_id', 'created_at'] },
          { name: 'ix_aftersale_deadline', columnNames: ['status', 'deadline_at'] },
        ],
        foreignKeys: [{ columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] }],
      }),
    );
    // a partial refund names its after-sale request, the line, and the pieces already put back in stock
    await qr.addColumns('refunds', [
      new TableColumn({ name: 'aftersale_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'sku_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'restocked_qty', type: 'integer', default: 0 }),
    ]);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const column of ['restocked_qty', 'sku_id', 'aftersale_id']) await qr.dropColumn('refunds', column);
    for (const table of [
      'aftersale_requests',
      'checkins',
      'points_ledger',
      'points_accounts',
      'order_line_shares',
      'user_coupons',
      'coupon_templates',
    ])
      await qr.dropTable(table);
  }
}
