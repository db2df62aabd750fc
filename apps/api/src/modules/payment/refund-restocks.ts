import { Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import { RestockedUnitsSource, type OrderRestockedUnits } from '../order/order-hooks';
import { RefundEntity } from './entities/refund.entity';

/**
 * Pieces an after-sale refund already put back on the shelf (return received with restock).
 * The order process subtracts them when a whole-order refund releases an unshipped order's stock.
 */
@Injectable()
@RestockedUnitsSource()
export class RefundRestocks implements OrderRestockedUnits {
  async restockedUnits(em: EntityManager, orderId: number): Promise<Map<number, number>> {
    const rows = await em.find(RefundEntity, {
      where: { orderId, kind: 'aftersale', status: Not('CLOSED') },
      select: { skuId: true, restockedQty: true },
    });
    const bySku = new Map<number, number>();
    for (const r of rows) {
      if (r.skuId && r.restockedQty > 0) bySku.set(r.skuId, (bySku.get(r.skuId) ?? 0) + r.restockedQty);
    }
    return bySku;
  }
}
