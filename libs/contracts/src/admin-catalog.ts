import type { IsoDateTime, PageQuery } from './common';

// The merchant console's catalog screens (issue 24): product list filters and sorts, bulk
// shelf changes, stock-adjustment history and home-page banners.

/** GET /admin/products `sort`: `newest` (default), `updated`, price, sales or total stock. */
export type AdminProductSort = 'newest' | 'updated' | 'price_asc' | 'price_desc' | 'sales_desc' | 'stock_asc';
export const ADMIN_PRODUCT_SORTS: readonly AdminProductSort[] = [
  'newest',
  'updated',
  'price_asc',
  'price_desc',
  'sales_desc',
  'stock_asc',
];

/**
 * GET /admin/products `stock`: `out` = the live SKUs hold 0 in total; `in_stock` = more than 0;
 * `low` = more than 0 and some SKU at or below LOW_STOCK_THRESHOLD.
 */
export type AdminProductStockFilter = 'in_stock' | 'low' | 'out';
export const ADMIN_PRODUCT_STOCK_FILTERS: readonly AdminProductStockFilter[] = ['in_stock', 'low', 'out'];

/** A SKU at or below this many pieces is "库存紧张" (the dashboard's low-stock list uses the same number). */
export const LOW_STOCK_THRESHOLD = 10;

export interface AdminProductListQuery extends PageQuery {
  categoryId?: number;
  keyword?: string;
  onShelf?: boolean;
  stock?: AdminProductStockFilter;
  sort?: AdminProductSort;
}

// ---- bulk shelf ------------------------------------------------------------------------------

export interface BulkShelfRequest {
  /**
   * product ids, distinct
   * @minItems 1
   * @maxItems 100
   */
  ids: number[];
  onShelf: boolean;
}

export interface BulkShelfOk {
  id: number;
  ok: true;
}

export interface BulkShelfFailure {
  id: number;
  ok: false;
  /** the code a single PATCH /admin/products/{id} would answer, e.g. PRODUCT_NOT_FOUND */
  code: string;
  message: string;
}

export interface BulkShelfResult {
  /** one per id, in the order sent; one failing id does not stop the others */
  results: Array<BulkShelfOk | BulkShelfFailure>;
}

// ---- stock adjustment history ---------------------------------------------------------------

export interface StockAdjustmentRecord {
  id: number;
  delta: number;
  stockAfter: number;
  reason: string;
  /** the operator's username; null when the operator was deleted */
  operator: string | null;
  createdAt: IsoDateTime;
}

export interface StockAdjustmentPage {
  /** newest first */
  items: StockAdjustmentRecord[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- banners -----------------------------------------------------------------------------------

export interface AdminBanner {
  id: number;
  title: string;
  /** absolute URL, as the shop shows it */
  image: string;
  /** a mini-program path (/pages/…) or an https URL */
  link: string | null;
  sortOrder: number;
  /** shown on the home page */
  active: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface AdminBannerList {
  /** all banners, active or not, by sortOrder then id */
  items: AdminBanner[];
}

export interface CreateBannerRequest {
  /**
   * @minLength 1
   * @maxLength 64
   */
  title: string;
  /** an https URL, or the /media/… URL (or media:<id>) that POST /admin/media answered */
  image: string;
  /** a mini-program path starting with /pages/, or an https URL */
  link?: string | null;
  /** smaller first; default 0 */
  sortOrder?: number;
  /** default true */
  active?: boolean;
}

export type UpdateBannerRequest = Partial<CreateBannerRequest>;
