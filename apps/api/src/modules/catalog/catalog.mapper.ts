import type {
  AdminBanner,
  AdminProductSummary,
  Banner,
  Category,
  CategoryNode,
  ProductDetail,
  ProductSummary,
  Sku,
  StockAdjustment,
  StockAdjustmentRecord,
} from '@sutwxapp/contracts';
import { publicUrl, type PublicUrlConfig } from '../../common/public-url';
import type { BannerEntity } from './entities/banner.entity';
import type { CategoryEntity } from './entities/category.entity';
import type { ProductEntity } from './entities/product.entity';
import type { ProductListRow } from './product-list.query';
import type { SkuEntity } from './entities/sku.entity';
import type { StockAdjustmentEntity } from './entities/stock-adjustment.entity';

/** Entity → contract. Stored image paths and media references come out as absolute URLs. */
export type UrlConfig = PublicUrlConfig;

const byOrder = (a: CategoryEntity, b: CategoryEntity): number => a.sortOrder - b.sortOrder || a.id - b.id;

export function toCategory(c: CategoryEntity, config: UrlConfig): Category {
  return { id: c.id, name: c.name, parentId: c.parentId, icon: publicUrl(config, c.icon, 240), sortOrder: c.sortOrder };
}

/** Two levels: top-level categories in display order, each with its children. */
export function toCategoryTree(all: CategoryEntity[], config: UrlConfig): CategoryNode[] {
  const sorted = [...all].sort(byOrder);
  return sorted
    .filter((c) => c.parentId === null)
    .map((top) => ({
      ...toCategory(top, config),
      children: sorted.filter((c) => c.parentId === top.id).map((c) => toCategory(c, config)),
    }));
}

export function toSummary(p: ProductListRow, config: UrlConfig): ProductSummary {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    image: publicUrl(config, p.images[0] ?? null),
    minPrice: p.minPrice,
    originalPrice: p.originalPrice,
    sales: p.sales,
    createdAt: p.createdAt.toISOString(),
  };
}

/** A product's live SKUs, summed: stock, how many, the highest price. */
export interface SkuTotals {
  stock: number;
  skuCount: number;
  maxPrice: number;
}

export function toAdminSummary(
  p: ProductListRow,
  totals: SkuTotals | undefined,
  config: UrlConfig,
): AdminProductSummary {
  const total = totals?.stock ?? 0;
  return {
    ...toSummary(p, config),
    onShelf: p.onShelf,
    stock: total,
    totalStock: total,
    skuCount: totals?.skuCount ?? 0,
    maxPrice: totals ? Math.max(totals.maxPrice, p.minPrice) : p.minPrice,
  };
}

export function toSku(s: SkuEntity): Sku {
  return {
    id: s.id,
    productId: s.productId,
    specs: s.specs,
    price: s.price,
    originalPrice: s.originalPrice,
    stock: s.stock,
    code: s.code,
    purchaseLimit: s.purchaseLimit ?? null,
  };
}

export function toDetail(p: ProductEntity, skus: SkuEntity[], config: UrlConfig): ProductDetail {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    description: p.description,
    categoryId: p.categoryId,
    images: p.images.map((i) => publicUrl(config, i) as string),
    onShelf: p.onShelf,
    minPrice: p.minPrice,
    sales: p.sales,
    specAxes: p.specAxes,
    skus: [...skus].sort((a, b) => a.id - b.id).map(toSku),
    createdAt: p.createdAt.toISOString(),
  };
}

export function toBanner(b: BannerEntity, config: UrlConfig): Banner {
  return { id: b.id, image: publicUrl(config, b.image) as string, title: b.title, link: b.link };
}

export function toAdminBanner(b: BannerEntity, config: UrlConfig): AdminBanner {
  return {
    id: b.id,
    title: b.title,
    image: publicUrl(config, b.image) as string,
    link: b.link,
    sortOrder: b.sortOrder,
    active: b.active,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

export function toStockAdjustment(a: StockAdjustmentEntity): StockAdjustment {
  return {
    id: a.id,
    skuId: a.skuId,
    delta: a.delta,
    stockAfter: a.stockAfter,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
  };
}

/** A history row; `usernames` by operator id (an operator deleted since: null). */
export function toStockAdjustmentRecord(
  a: StockAdjustmentEntity,
  usernames: Map<number, string>,
): StockAdjustmentRecord {
  return {
    id: a.id,
    delta: a.delta,
    stockAfter: a.stockAfter,
    reason: a.reason,
    operator: a.adminId === null ? null : (usernames.get(a.adminId) ?? null),
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * The reverse for admin input: an absolute URL on our own public base is stored as its path,
 * so an operator who sends back what GET returned does not pin the host into the database.
 */
export function toStoredUrl(url: string, config: UrlConfig): string {
  return url.startsWith(`${config.publicBaseUrl}/`) ? url.slice(config.publicBaseUrl.length) : url;
}
