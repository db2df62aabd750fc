import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The owner's audit-log screen filters by operator (actor) within a date range, newest first. */
export class AuditLogActor1764572400000 implements MigrationInterface {
  name = 'AuditLogActor1764572400000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex(
      'audit_log',
      new TableIndex({ name: 'ix_audit_log_actor_time', columnNames: ['actor_type', 'actor_id', 'created_at'] }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('audit_log', 'ix_audit_log_actor_time');
  }
}
