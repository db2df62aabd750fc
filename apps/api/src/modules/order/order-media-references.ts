import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import {
  type FoundReference,
  FindsMediaReferences,
  type MediaReferenceFinder,
  refersToAny,
} from '../media/media-references';
import { OrderItemEntity } from './entities/order-item.entity';

/**
 * An order line keeps a snapshot of its product's first image; the picture must outlive a later
 * change of the product's images, so order lines count as references for deletion and sweeps.
 */
@Injectable()
@FindsMediaReferences()
export class OrderMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]): Promise<FoundReference[]> {
    // one line per order and image is enough to explain why the image stays
    const usesAny = refersToAny('i.image', ids);
    const rows = await em
      .createQueryBuilder(OrderItemEntity, 'i')
      .select(['i.orderId AS orderId', 'i.image AS image', 'MIN(i.title) AS title'])
      .where(usesAny.sql, usesAny.params)
      .groupBy('i.orderId')
      .addGroupBy('i.image')
      .limit(100)
      .getRawMany<{ orderId: number | string; image: string; title: string }>();
    return rows.flatMap((r) => {
      const ref = parseMediaRef(r.image);
      return ref ? [{ mediaId: ref.id, type: 'order', id: Number(r.orderId), label: r.title }] : [];
    });
  }
}
