import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Operator roles (libs/contracts permissions.ts): owner, operations, customer_service, finance.
 * Accounts that exist already could do everything, so they become owners.
 */
export class OperatorRoles1764550000000 implements MigrationInterface {
  name = 'OperatorRoles1764550000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn(
      'admin_users',
      new TableColumn({ name: 'operator_role', type: 'varchar', length: '32', isNullable: false, default: "'owner'" }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('admin_users', 'operator_role');
  }
}
