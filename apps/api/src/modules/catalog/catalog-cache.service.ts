import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { CacheService } from '../../infra/cache/cache.service';

/** TTLs are a ceiling on staleness only for changes made outside the admin API (orders' stock, sales). */
export const CATALOG_TTL_MS = {
  tree: 60_000,
  home: 60_000,
  list: 30_000,
  count: 30_000,
  detail: 30_000,
  reviews: 30_000,
} as const;

/** Metric label (`cache_hits_total{cache=…}`) per kind of cached response. */
export const CATALOG_CACHE = {
  tree: 'catalog_tree',
  home: 'catalog_home',
  list: 'catalog_list',
  count: 'catalog_list_total',
  detail: 'catalog_product',
  reviews: 'catalog_product_reviews',
} as const;

/** Deeper list pages go straight to the database: rarely read, and each would be one more key. */
export const MAX_CACHED_PAGE = 5;

const FAMILY = 'catalog';
/** Per-product stamps outlive every detail entry (30 s) by far, then fall back to "0". */
const PRODUCT_STAMP_TTL_MS = 24 * 3600_000;

/**
 * Cache keys and invalidation for the catalog. Tree, home and list pages share one generation
 * (`gen:catalog`): any write that can change what they show bumps it. Product details carry a
 * per-product stamp instead of being deleted: a load that read the old row just before a write
 * commits then stores its stale copy under the old stamp, where no reader looks (a plain delete
 * would let that copy land after the delete and serve the old price for a whole TTL).
 */
@Injectable()
export class CatalogCacheService {
  constructor(private readonly cache: CacheService) {}

  /** The answer from the in-process L1, else Redis, else `load`; sent as the bytes it was cached as. */
  getOrLoad<T>(kind: keyof typeof CATALOG_CACHE, key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoadPrepared(CATALOG_CACHE[kind], key, CATALOG_TTL_MS[kind], load);
  }

  async treeKey(): Promise<string> {
    return `catalog:tree:${await this.cache.generation(FAMILY)}`;
  }

  async homeKey(): Promise<string> {
    return `catalog:home:${await this.cache.generation(FAMILY)}`;
  }

  async listKey(query: { categoryId?: number; keyword?: string; sort: string; page: number; pageSize: number }) {
    const gen = await this.cache.generation(FAMILY);
    return `catalog:list:${gen}:${filterKey(query)}:${query.sort}:${query.page}:${query.pageSize}`;
  }

  /** The total of a filtered list, whatever the page and order: what deeper pages show as `total`. */
  async countKey(query: { categoryId?: number; keyword?: string }): Promise<string> {
    const gen = await this.cache.generation(FAMILY);
    return `catalog:count:${gen}:${filterKey(query)}`;
  }

  async detailKey(productId: number): Promise<string> {
    const stamp = (await this.cache.getStamp(stampKey(productId))) ?? '0';
    return `catalog:product:${productId}:${stamp}`;
  }

  /** A product's review summary and first reviews: under the product's stamp, like its detail. */
  async reviewsKey(productId: number): Promise<string> {
    const stamp = (await this.cache.getStamp(stampKey(productId))) ?? '0';
    return `catalog:reviews:${productId}:${stamp}`;
  }

  /** Categories changed: tree, home and lists. Call after the write commits. */
  async catalogChanged(): Promise<void> {
    await this.cache.bumpGeneration(FAMILY);
  }

  /** Banners changed: the home page (its key shares the catalog generation). Call after the write commits. */
  async bannersChanged(): Promise<void> {
    await this.cache.bumpGeneration(FAMILY);
  }

  /**
   * Products (or their SKUs) changed: their details, plus lists and home unless only stock
   * moved (lists show no stock). Exported for orders, whose stock and sales changes land
   * here through this method too. Call after the write commits.
   */
  async productsChanged(productIds: number[], options: { listsToo?: boolean } = {}): Promise<void> {
    const ids = [...new Set(productIds)];
    await Promise.all(
      ids.map((id) => this.cache.setStamp(stampKey(id), randomBytes(6).toString('base64url'), PRODUCT_STAMP_TTL_MS)),
    );
    if (options.listsToo !== false) await this.catalogChanged();
  }
}

const stampKey = (productId: number): string => `gen:catalog:product:${productId}`;

/** Category and keyword of a list; keywords are hashed: any Unicode, any length, one short key. */
function filterKey(query: { categoryId?: number; keyword?: string }): string {
  const kw = query.keyword ? createHash('sha1').update(query.keyword).digest('base64url').slice(0, 16) : '-';
  return `${query.categoryId ?? '-'}:${kw}`;
}
