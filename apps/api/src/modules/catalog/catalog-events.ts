import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/domain-events';
import { CatalogCacheService } from './catalog-cache.service';

/**
 * Orders reserve and give back stock outside the admin API; the products' cached details
 * (which show stock and sales) are refreshed as soon as the order, its cancellation or expiry,
 * or its refund commits instead of after their TTL.
 */
@Injectable()
export class CatalogEvents implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly cache: CatalogCacheService,
  ) {}

  onModuleInit(): void {
    this.events.on('order_created', ({ items }) =>
      this.cache.productsChanged(
        items.map((i) => i.productId),
        { listsToo: false },
      ),
    );
    this.events.on('stock_released', ({ productIds }) => this.cache.productsChanged(productIds, { listsToo: false }));
  }
}
