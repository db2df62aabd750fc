import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The index a bounded search reads (docs/search.md, "Bounded work"): one term's products in
 * `(weight DESC, product_id DESC)` order, so the scan stops after the best SEARCH_MAX_RESULTS + 1
 * without reading, joining and sorting every match. Both engines walk it backwards.
 */
export class SearchRankIndex1764570000000 implements MigrationInterface {
  name = 'SearchRankIndex1764570000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex(
      'product_search_terms',
      new TableIndex({ name: 'ix_product_search_terms_rank', columnNames: ['term', 'weight', 'product_id'] }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('product_search_terms', 'ix_product_search_terms_rank');
  }
}
