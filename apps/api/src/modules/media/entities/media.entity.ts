import type { MediaKind, MediaStatus, MediaWidth } from '@sutwxapp/contracts';
import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

export interface StoredVariant {
  name: MediaWidth;
  format: 'jpeg' | 'webp';
  width: number;
  height: number;
  bytes: number;
}

@Entity('media')
export class MediaEntity {
  @IdColumn() id!: number;

  @Column({ name: 'owner_key', type: 'varchar', length: 40 })
  ownerKey!: string;

  @Column({ name: 'owner_type', type: 'varchar', length: 8 })
  ownerType!: 'admin' | 'user';

  @IntColumn('owner_id') ownerId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: MediaKind;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: MediaStatus;

  @Column({ name: 'source_format', type: 'varchar', length: 8 })
  sourceFormat!: 'jpeg' | 'png' | 'webp' | 'gif';

  @IntColumn() width!: number;
  @IntColumn() height!: number;
  @IntColumn() bytes!: number;

  @Column({ type: 'simple-json' })
  variants!: StoredVariant[];

  @Column({ name: 'check_trace_id', type: 'varchar', length: 128, nullable: true })
  checkTraceId!: string | null;

  @DateTimeColumn('checked_at', { nullable: true }) checkedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
