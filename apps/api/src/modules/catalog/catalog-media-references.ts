import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import {
  type FoundReference,
  FindsMediaReferences,
  type MediaReferenceFinder,
  refersToAny,
} from '../media/media-references';
import { BannerEntity } from './entities/banner.entity';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';

/**
 * Tells the media module which catalog rows use an image, so it is never deleted or swept from
 * under them. Soft-deleted products count: their rows (and orders' snapshots of them) stay.
 */
@Injectable()
@FindsMediaReferences()
export class CatalogMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]): Promise<FoundReference[]> {
    const found: FoundReference[] = [];
    const wanted = new Set(ids);
    const collect = (type: string, id: number, label: string, values: Array<string | null>) => {
      for (const v of values) {
        const ref = v ? parseMediaRef(v) : null;
        if (ref && wanted.has(ref.id)) found.push({ mediaId: ref.id, type, id, label });
      }
    };

    const p = refersToAny('p.images', ids);
    const products = await em
      .createQueryBuilder(ProductEntity, 'p')
      .select(['p.id', 'p.title', 'p.images'])
      .where(p.sql, p.params)
      .getMany();
    for (const row of products) collect('product', row.id, row.title, row.images);

    const c = refersToAny('c.icon', ids);
    const categories = await em
      .createQueryBuilder(CategoryEntity, 'c')
      .select(['c.id', 'c.name', 'c.icon'])
      .where(c.sql, c.params)
      .getMany();
    for (const row of categories) collect('category', row.id, row.name, [row.icon]);

    const b = refersToAny('b.image', ids);
    const banners = await em
      .createQueryBuilder(BannerEntity, 'b')
      .select(['b.id', 'b.title', 'b.image'])
      .where(b.sql, b.params)
      .getMany();
    for (const row of banners) collect('banner', row.id, row.title, [row.image]);
    return found;
  }
}
