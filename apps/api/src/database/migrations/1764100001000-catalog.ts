import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, createTable, datetime, fkColumn, idColumn, int, nowDefault, str, text, timestamps } from './helpers';

export class Catalog1764100001000 implements MigrationInterface {
  name = 'Catalog1764100001000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'categories',
        columns: [
          idColumn(),
          fkColumn('parent_id', true),
          str('name', 64),
          str('icon', 512, true),
          int('sort_order', 0),
          ...timestamps(qr),
        ],
        indices: [{ name: 'ix_categories_parent', columnNames: ['parent_id', 'sort_order'] }],
        foreignKeys: [{ columnNames: ['parent_id'], referencedTableName: 'categories', referencedColumnNames: ['id'] }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'products',
        columns: [
          idColumn(),
          fkColumn('category_id'),
          str('title', 128),
          str('subtitle', 255, true),
          text('description'),
          // JSON arrays kept as text so both engines store them the same way
          text('images', false),
          text('spec_axes', false),
          bool('on_shelf', true),
          int('min_price', 0),
          int('original_price', undefined, true),
          int('sales', 0),
          datetime('deleted_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'ix_products_category', columnNames: ['category_id'] },
          { name: 'ix_products_listing', columnNames: ['on_shelf', 'deleted_at', 'created_at'] },
          { name: 'ix_products_sales', columnNames: ['sales'] },
          { name: 'ix_products_price', columnNames: ['min_price'] },
        ],
        foreignKeys: [
          { columnNames: ['category_id'], referencedTableName: 'categories', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'skus',
        columns: [
          idColumn(),
          fkColumn('product_id'),
          text('specs', false),
          int('price'),
          int('original_price', undefined, true),
          // never negative: every decrement is `SET stock = stock - q WHERE stock >= q`
          int('stock', 0),
          str('code', 64, true),
          datetime('deleted_at', true),
          ...timestamps(qr),
        ],
        indices: [{ name: 'ix_skus_product', columnNames: ['product_id'] }],
        foreignKeys: [{ columnNames: ['product_id'], referencedTableName: 'products', referencedColumnNames: ['id'] }],
        checks: [{ name: 'ck_skus_stock_nonnegative', expression: 'stock >= 0' }],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'banners',
        columns: [
          idColumn(),
          str('title', 128),
          str('image', 512),
          str('link', 512, true),
          int('sort_order', 0),
          bool('active', true),
          ...timestamps(qr),
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'stock_adjustments',
        columns: [
          idColumn(),
          fkColumn('sku_id'),
          int('delta'),
          int('stock_after'),
          str('reason', 255),
          fkColumn('admin_id', true),
          { ...datetime('created_at'), default: nowDefault(qr) },
        ],
        indices: [{ name: 'ix_stock_adjustments_sku', columnNames: ['sku_id', 'created_at'] }],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['stock_adjustments', 'banners', 'skus', 'products', 'categories']) await qr.dropTable(table);
  }
}
