import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import { FindsMediaReferences, type MediaReferenceFinder, rowsReferring } from '../media/media-references';
import { OrderItemEntity } from './entities/order-item.entity';

/**
 * An order line keeps a snapshot of its product's first image; the picture must outlive a later
 * change of the product's images, so order lines count as references for deletion and sweeps.
 */
@Injectable()
@FindsMediaReferences()
export class OrderMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]) {
    // one line per order and image is enough to explain why the image stays
    const rows = await rowsReferring(em, OrderItemEntity, 'i', 'image', ids)
      .select(['i.orderId AS orderId', 'i.image AS image', 'MIN(i.title) AS title'])
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
