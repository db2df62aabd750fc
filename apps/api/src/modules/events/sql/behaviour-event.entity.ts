import type { EventType } from '@sutwxapp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('behaviour_events')
export class BehaviourEventEntity {
  /** BIGINT on MySQL; returned as a string when it outgrows a JS number */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: EventType;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column({ name: 'product_id', type: 'integer', nullable: true })
  productId!: number | null;

  @Column({ name: 'order_id', type: 'integer', nullable: true })
  orderId!: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  keyword!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  page!: string | null;

  @Column({ type: 'integer', nullable: true })
  amount!: number | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ name: 'client_time', type: 'datetime', precision: 3, nullable: true })
  clientTime!: Date | null;

  @Column({ name: 'server_time', type: 'datetime', precision: 3 })
  serverTime!: Date;

  @Column({ type: 'simple-json', nullable: true })
  props!: Record<string, unknown> | null;
}
