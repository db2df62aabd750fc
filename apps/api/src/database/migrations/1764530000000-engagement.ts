import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, createTable, datetime, fkColumn, idColumn, int, nowDefault, str, text, timestamps } from './helpers';

/**
 * Favourites, browsing history and reviews (issue 22), and the products' public review counters
 * that the rating sorts read (kept by the catalog's ProductReadsService.adjustRating).
 */
export class Engagement1764530000000 implements MigrationInterface {
  name = 'Engagement1764530000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'favourites',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          fkColumn('product_id'),
          { ...datetime('created_at'), default: nowDefault(qr) },
        ],
        indices: [
          { name: 'uq_favourites_user_product', columnNames: ['user_id', 'product_id'], isUnique: true },
          { name: 'ix_favourites_product', columnNames: ['product_id'] },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['product_id'], referencedTableName: 'products', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'browsing_history',
        columns: [idColumn(), fkColumn('user_id'), fkColumn('product_id'), datetime('viewed_at')],
        indices: [
          { name: 'uq_browsing_history_user_product', columnNames: ['user_id', 'product_id'], isUnique: true },
          { name: 'ix_browsing_history_user_viewed', columnNames: ['user_id', 'viewed_at'] },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['product_id'], referencedTableName: 'products', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await createTable(
      qr,
      new Table({
        name: 'reviews',
        columns: [
          idColumn(),
          fkColumn('user_id'),
          fkColumn('order_id'),
          fkColumn('order_item_id'),
          fkColumn('product_id'),
          fkColumn('sku_id'),
          // INITIAL (rated) or FOLLOW_UP (one per initial review, no rating)
          str('kind', 12),
          fkColumn('parent_id', true),
          int('rating', undefined, true),
          text('content', false),
          // JSON array of `media:<id>/<hash>` references
          text('images', false),
          int('image_count', 0),
          bool('anonymous', false),
          str('nickname', 64, true),
          str('avatar_url', 512, true),
          text('specs', false),
          // PENDING → PUBLISHED | HELD | REJECTED; PUBLISHED ⇄ HIDDEN; HELD → PUBLISHED | HIDDEN
          str('status', 12),
          // 1 while counted in products.review_count (a PUBLISHED first review)
          bool('counted', false),
          str('moderation_note', 200, true),
          text('reply', true),
          datetime('replied_at', true),
          ...timestamps(qr),
        ],
        indices: [
          { name: 'uq_reviews_item_kind', columnNames: ['order_item_id', 'kind'], isUnique: true },
          { name: 'ix_reviews_product_status', columnNames: ['product_id', 'status', 'kind', 'id'] },
          { name: 'ix_reviews_user', columnNames: ['user_id', 'id'] },
          { name: 'ix_reviews_status', columnNames: ['status', 'id'] },
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
          { columnNames: ['order_id'], referencedTableName: 'orders', referencedColumnNames: ['id'] },
          { columnNames: ['order_item_id'], referencedTableName: 'order_items', referencedColumnNames: ['id'] },
          { columnNames: ['product_id'], referencedTableName: 'products', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await qr.addColumns('products', [
      new TableColumn(int('review_count', 0)),
      new TableColumn(int('rating_total', 0)),
      new TableColumn(int('rating_avg', 0)),
    ]);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const column of ['rating_avg', 'rating_total', 'review_count']) await qr.dropColumn('products', column);
    await qr.dropTable('reviews', true, true, true);
    await qr.dropTable('browsing_history', true, true, true);
    await qr.dropTable('favourites', true, true, true);
  }
}
