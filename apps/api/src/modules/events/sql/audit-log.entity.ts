import type { AuditActor, AuditKind } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: AuditKind;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: AuditActor['type'];

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId!: string | null;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @DateTimeColumn('created_at') createdAt!: Date;
}
