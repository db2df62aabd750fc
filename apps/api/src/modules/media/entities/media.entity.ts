import type { MediaKind, MediaStatus, MediaWidth } from '@sutwxapp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export interface StoredVariant {
  name: MediaWidth;
  format: 'jpeg' | 'webp';
  width: number;
  height: number;
  bytes: number;
}

@Entity('media')
export class MediaEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'owner_key', type: 'varchar', length: 40 })
  ownerKey!: string;

  @Column({ name: 'owner_type', type: 'varchar', length: 8 })
  ownerType!: 'admin' | 'user';

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: MediaKind;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: MediaStatus;

  @Column({ name: 'source_format', type: 'varchar', length: 8 })
  sourceFormat!: 'jpeg' | 'png' | 'webp' | 'gif';

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ type: 'simple-json' })
  variants!: StoredVariant[];

  @Column({ name: 'check_trace_id', type: 'varchar', length: 128, nullable: true })
  checkTraceId!: string | null;

  @Column({ name: 'checked_at', type: 'datetime', precision: 3, nullable: true })
  checkedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
