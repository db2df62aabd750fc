import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import {
  type FoundReference,
  FindsMediaReferences,
  type MediaReferenceFinder,
  rowsReferring,
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

    const products = await rowsReferring(em, ProductEntity, 'p', 'images', ids)
      .select(['p.id', 'p.title', 'p.images'])
      .getMany();
    for (const row of products) collect('product', row.id, row.title, row.images);

    const categories = await rowsReferring(em, CategoryEntity, 'c', 'icon', ids)
      .select(['c.id', 'c.name', 'c.icon'])
      .getMany();
    for (const row of categories) collect('category', row.id, row.name, [row.icon]);

    const banners = await rowsReferring(em, BannerEntity, 'b', 'image', ids)
      .select(['b.id', 'b.title', 'b.image'])
      .getMany();
    for (const row of banners) collect('banner', row.id, row.title, [row.image]);
    return found;
  }
}
