import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTable, datetime, idColumn, int, str, text, timestamps } from './helpers';

/** Uploaded images (issue 20). Products, categories and banners refer to them as `media:<id>/<hash>`. */
export class Media1764300000000 implements MigrationInterface {
  name = 'Media1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(
      qr,
      new Table({
        name: 'media',
        columns: [
          idColumn(),
          // 'admin' for every operator (the shop's library is shared), 'user:<id>' for a shopper
          str('owner_key', 40),
          str('owner_type', 8),
          int('owner_id'),
          str('kind', 16),
          // sha256 of the original (and the pipeline version): the storage keys' directory
          str('hash', 64),
          str('status', 12),
          str('source_format', 8),
          int('width'),
          int('height'),
          int('bytes'),
          text('variants', false),
          str('check_trace_id', 128, true),
          datetime('checked_at', true),
          ...timestamps(qr),
        ],
        indices: [
          // the same owner uploading the same picture twice gets the same row back
          { name: 'ux_media_owner_hash', columnNames: ['owner_key', 'hash'], isUnique: true },
          { name: 'ix_media_hash', columnNames: ['hash'] },
          { name: 'ix_media_owner_created', columnNames: ['owner_key', 'created_at'] },
          { name: 'ix_media_created', columnNames: ['created_at'] },
          { name: 'ix_media_trace', columnNames: ['check_trace_id'] },
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('media', true);
  }
}
