import type { Fen, IsoDateTime, PageQuery } from './common';

export interface Category {
  id: number;
  name: string;
  parentId: number | null;
  icon: string | null;
  sortOrder: number;
}

export interface CategoryNode extends Category {
  children: Category[];
}

/** e.g. `{ "颜色": "红", "尺码": "M" }` */
export type SpecValues = Record<string, string>;

/** One picker row: the axis name and its values in display order. */
export interface SpecAxis {
  name: string;
  values: string[];
}

export interface Sku {
  id: number;
  productId: number;
  specs: SpecValues;
  price: Fen;
  originalPrice: Fen | null;
  stock: number;
  code: string | null;
  /** most of this SKU one order may hold; null: the shop-wide default */
  purchaseLimit: number | null;
}

export interface ProductSummary {
  id: number;
  title: string;
  subtitle: string | null;
  categoryId: number;
  image: string | null;
  minPrice: Fen;
  originalPrice: Fen | null;
  sales: number;
  createdAt: IsoDateTime;
}

export interface ProductDetail {
  id: number;
  title: string;
  subtitle: string | null;
  description: string | null;
  categoryId: number;
  images: string[];
  onShelf: boolean;
  minPrice: Fen;
  sales: number;
  specAxes: SpecAxis[];
  skus: Sku[];
  createdAt: IsoDateTime;
}

/** `rating`: average stars of public reviews (then their count); `reviews`: number of public reviews */
export type ProductSort = 'newest' | 'price_asc' | 'price_desc' | 'sales' | 'rating' | 'reviews';
export const PRODUCT_SORTS: readonly ProductSort[] = [
  'newest',
  'price_asc',
  'price_desc',
  'sales',
  'rating',
  'reviews',
];

export interface ProductListQuery extends PageQuery {
  categoryId?: number;
  keyword?: string;
  sort?: ProductSort;
}

/**
 * A page of products. A keyword search ranks at most 1,000 matches (docs/search.md): when more
 * match, `total` is 1,000, `totalIsLowerBound` is true ("1000+") and the pages end there.
 */
export interface ProductPage {
  items: ProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** present (true) only when a search matched more products than it ranks: `total` is then a lower bound */
  totalIsLowerBound?: boolean;
}

export interface Banner {
  id: number;
  image: string;
  title: string;
  /** mini-program path the banner opens, e.g. /pages/product/detail/index?id=3 */
  link: string | null;
}

export interface HomePage {
  banners: Banner[];
  categories: Category[];
  hot: ProductSummary[];
  newest: ProductSummary[];
}

// ---- admin ----------------------------------------------------------------------------------

export interface CreateCategoryRequest {
  name: string;
  parentId?: number | null;
  icon?: string | null;
  sortOrder?: number;
}
export type UpdateCategoryRequest = Partial<CreateCategoryRequest>;

export interface SkuInput {
  specs: SpecValues;
  price: Fen;
  originalPrice?: Fen | null;
  stock: number;
  code?: string | null;
  purchaseLimit?: number | null;
}

export interface CreateProductRequest {
  title: string;
  subtitle?: string | null;
  description?: string | null;
  categoryId: number;
  images: string[];
  onShelf?: boolean;
  specAxes: SpecAxis[];
  skus: SkuInput[];
}

export interface UpdateProductRequest {
  title?: string;
  subtitle?: string | null;
  description?: string | null;
  categoryId?: number;
  images?: string[];
  onShelf?: boolean;
  specAxes?: SpecAxis[];
}

export type UpdateSkuRequest = Partial<SkuInput>;

export interface StockAdjustmentRequest {
  /** relative change; the result can never go below zero */
  delta: number;
  reason: string;
}

/** Admin view of a product: on- and off-shelf alike. */
export type AdminProduct = ProductDetail;

/** Admin list row: shelf state and the stock summed over live SKUs. */
export interface AdminProductSummary extends ProductSummary {
  onShelf: boolean;
  /** the stock of its live SKUs, summed (the same number as `totalStock`, kept for older consoles) */
  stock: number;
  /** the stock of its live SKUs, summed */
  totalStock: number;
  skuCount: number;
  /** the highest price among its live SKUs (with `minPrice`, the price range); `minPrice` without SKUs */
  maxPrice: Fen;
}

/** As ProductPage: a keyword search's `total` is capped at 1,000 with `totalIsLowerBound`. */
export interface AdminProductPage {
  items: AdminProductSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** present (true) only when a search matched more products than it ranks: `total` is then a lower bound */
  totalIsLowerBound?: boolean;
}

/** One audited relative stock change (POST /admin/skus/:id/stock-adjustments). */
export interface StockAdjustment {
  id: number;
  skuId: number;
  delta: number;
  stockAfter: number;
  reason: string;
  createdAt: IsoDateTime;
}

// ---- limits shared by the API's validation and the admin UI ----------------------------------

export const CATALOG_LIMITS = {
  keywordMaxLength: 50,
  /** fen: ¥0.01 … ¥1,000,000 */
  priceMin: 1,
  priceMax: 100_000_000,
  stockMax: 10_000_000,
  imagesMax: 9,
  specAxesMax: 3,
  specValuesMax: 30,
  skusMax: 100,
} as const;
