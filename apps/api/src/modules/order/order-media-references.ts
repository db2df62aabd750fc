import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseMediaRef } from '../../common/media-ref';
import { MediaReferences, refLike } from '../media/media-references';
import { OrderItemEntity } from './entities/order-item.entity';

/**
 * An order line keeps a snapshot of its product's first image; the picture must outlive a later
 * change of the product's images, so order lines count as references for deletion and sweeps.
 */
@Injectable()
export class OrderMediaReferences implements OnModuleInit {
  constructor(private readonly references: MediaReferences) {}

  onModuleInit(): void {
    this.references.register(async (em, ids) => {
      // one line per order and image is enough to explain why the image stays
      const rows = await em
        .createQueryBuilder(OrderItemEntity, 'i')
        .select(['i.orderId AS orderId', 'i.image AS image', 'MIN(i.title) AS title'])
        .where(
          `(${ids.map((_, n) => `i.image LIKE :m${n}`).join(' OR ')})`,
          Object.fromEntries(ids.map((id, n) => [`m${n}`, refLike(id)])),
        )
        .groupBy('i.orderId')
        .addGroupBy('i.image')
        .limit(100)
        .getRawMany<{ orderId: number | string; image: string; title: string }>();
      return rows.flatMap((r) => {
        const ref = parseMediaRef(r.image);
        return ref ? [{ mediaId: ref.id, type: 'order', id: Number(r.orderId), label: r.title }] : [];
      });
    });
  }
}
