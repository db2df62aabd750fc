import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A SKU's own purchase limit per order (NULL: the shop-wide ORDER_MAX_UNITS_PER_SKU applies).
 * Money columns stay 32-bit integers: every stored sum is capped by ORDER_MAX_PAYABLE_FEN, at most
 * 2,147,483,647 fen, the most WeChat Pay's amount.total (int32) can carry.
 */
export class PurchaseLimits1764200000000 implements MigrationInterface {
  name = 'PurchaseLimits1764200000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('skus', new TableColumn({ name: 'purchase_limit', type: 'integer', isNullable: true }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('skus', 'purchase_limit');
  }
}
