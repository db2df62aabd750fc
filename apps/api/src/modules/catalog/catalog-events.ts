import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/domain-events';
import { CatalogCacheService } from './catalog-cache.service';

/**
 * An order reserves stock outside the admin API; its products' cached details (which show
 * stock) are refreshed as soon as the order commits instead of after their TTL. Other order
 * events carry no product ids; their stock and sales changes show within the TTLs.
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
  }
}
