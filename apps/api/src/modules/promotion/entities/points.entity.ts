import type { PointsReason } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, IntColumn, UpdatedAtColumn } from '../../../database/columns';

@Entity('points_accounts')
export class PointsAccountEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'integer', default: 0 })
  balance!: number;

  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}

/** Append-only: rows are inserted, never updated or deleted. */
@Entity('points_ledger')
export class PointsLedgerEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;
  @IntColumn() delta!: number;

  @Column({ type: 'varchar', length: 16 })
  reason!: PointsReason;

  @IntColumn('order_id', { nullable: true }) orderId!: number | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 96 })
  dedupeKey!: string;

  @DateTimeColumn('expires_at', { nullable: true }) expiresAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
}

@Entity('checkins')
export class CheckinEntity {
  @IdColumn() id!: number;
  @IntColumn('user_id') userId!: number;

  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @IntColumn() streak!: number;
  @IntColumn() points!: number;
  @CreatedAtColumn() createdAt!: Date;
}
