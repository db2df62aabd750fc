import type { EventType } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, IntColumn } from '../../../database/columns';

@Entity('behaviour_events')
export class BehaviourEventEntity {
  /** BIGINT on MySQL; returned as a string when it outgrows a JS number */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: EventType;

  @IntColumn('user_id', { nullable: true }) userId!: number | null;
  @IntColumn('product_id', { nullable: true }) productId!: number | null;
  @IntColumn('order_id', { nullable: true }) orderId!: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  keyword!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  page!: string | null;

  @Column({ type: 'integer', nullable: true })
  amount!: number | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @DateTimeColumn('client_time', { nullable: true }) clientTime!: Date | null;
  @DateTimeColumn('server_time') serverTime!: Date;

  @Column({ type: 'simple-json', nullable: true })
  props!: Record<string, unknown> | null;
}
