import { Column, Entity } from 'typeorm';
import { DateTimeColumn, IdColumn, IntColumn } from '../../../database/columns';

@Entity('stock_adjustments')
export class StockAdjustmentEntity {
  @IdColumn() id!: number;
  @IntColumn('sku_id') skuId!: number;
  @IntColumn() delta!: number;
  @IntColumn('stock_after') stockAfter!: number;

  @Column({ type: 'varchar', length: 255 })
  reason!: string;

  @IntColumn('admin_id', { nullable: true }) adminId!: number | null;
  @DateTimeColumn('created_at') createdAt!: Date;
}
