import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('stock_adjustments')
export class StockAdjustmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'sku_id', type: 'integer' })
  skuId!: number;

  @Column({ type: 'integer' })
  delta!: number;

  @Column({ name: 'stock_after', type: 'integer' })
  stockAfter!: number;

  @Column({ type: 'varchar', length: 255 })
  reason!: string;

  @Column({ name: 'admin_id', type: 'integer', nullable: true })
  adminId!: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
