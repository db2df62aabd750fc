import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { rebuildSearchIndex } from '../../modules/catalog/search/search-index';
import { createTable, fkColumn, int, isMysql, str } from './helpers';

/**
 * The product search index (docs/search.md): one row per (term, product) with the term's
 * summed field weight. Terms are compared byte-wise (utf8mb4_bin on MySQL, SQLite's default
 * BINARY), which is code point order: a prefix is an index range on both engines. The rows of
 * the products that exist already are written here.
 */
export class ProductSearch1764560000000 implements MigrationInterface {
  name = 'ProductSearch1764560000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'product_search_terms',
        columns: [
          { ...str('term', 64), isPrimary: true },
          { ...fkColumn('product_id'), isPrimary: true },
          int('weight', 0),
        ],
        indices: [{ name: 'ix_product_search_terms_product', columnNames: ['product_id'] }],
        foreignKeys: [
          {
            columnNames: ['product_id'],
            referencedTableName: 'products',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    if (isMysql(qr)) {
      await qr.query(
        'ALTER TABLE `product_search_terms` MODIFY `term` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL',
      );
    }
    await rebuildSearchIndex(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('product_search_terms', true, true, true);
  }
}
