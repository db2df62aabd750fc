import { type AdminProductStockFilter, LOW_STOCK_THRESHOLD, type ProductSort } from '@sutwxapp/contracts';
import type { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { SEARCH_MAX_RESULTS, searchCandidates } from './search/search-index';
import { queryTerms } from './search/search-terms';

/** The public sorts, and `relevance`: the order of a keyword search that names no sort. */
export type ListSort = ProductSort | 'relevance';

export interface ProductFilter {
  categoryId?: number;
  keyword?: string;
  sort: ListSort;
  page: number;
  pageSize: number;
  /** shoppers: on-shelf only; admins may ask for either or both */
  onShelf?: boolean;
  /** a keyword search ranks at most this many matches (config SEARCH_MAX_RESULTS) */
  searchCap?: number;
  /** admins only: by the stock of the live SKUs (shoppers' lists never set it) */
  stock?: AdminProductStockFilter;
}

/** `%`, `_` and `\` in a keyword are literal characters, not wildcards. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The columns a list shows (summary and admin summary): no description, no spec axes. */
export const LIST_COLUMNS = [
  'id',
  'categoryId',
  'title',
  'subtitle',
  'images',
  'onShelf',
  'minPrice',
  'originalPrice',
  'sales',
  'createdAt',
] as const satisfies ReadonlyArray<keyof ProductEntity>;

export type ProductListRow = Pick<ProductEntity, (typeof LIST_COLUMNS)[number]>;

/**
 * ORDER BY per sort, on column names (the statements below are written by hand): the one
 * definition of every list order, the home screen's included. Each ends on the id so equal
 * prices, sales or timestamps never repeat or skip across pages.
 */
const ORDER_SQL: Record<ListSort, string> = {
  // title over category over description (the score), then what sells; only with a keyword
  relevance: 'sales DESC, id DESC', // only a search has a score (CANDIDATE_ORDER_SQL)
  newest: 'created_at DESC, id DESC',
  price_asc: 'min_price ASC, id ASC',
  price_desc: 'min_price DESC, id DESC',
  sales: 'sales DESC, id DESC',
  rating: 'rating_avg DESC, review_count DESC, id DESC',
  reviews: 'review_count DESC, id DESC',
};

/** The same orders on a search's candidates (search-index.ts SORT_COLUMNS; `product_id` is the id). */
const CANDIDATE_ORDER_SQL: Record<ListSort, string> = {
  relevance: 'score DESC, sales DESC, product_id DESC',
  newest: 'created_at DESC, product_id DESC',
  price_asc: 'min_price ASC, product_id ASC',
  price_desc: 'min_price DESC, product_id DESC',
  sales: 'sales DESC, product_id DESC',
  rating: 'rating_avg DESC, review_count DESC, product_id DESC',
  reviews: 'review_count DESC, product_id DESC',
};

/**
 * One page of live (not deleted) products. A keyword is looked up in the search index
 * (search/search-index.ts, docs/search.md): every word of it must match a title, category or
 * description word, or the start of one, in any order.
 *
 * Pages past the cached ones run this on every request, hence statements written by hand (`?`
 * placeholders, which both drivers bind), only the listed columns, and the driver's own
 * hydration (dates, JSON, booleans exactly as entities get them): the query builder cost twice
 * the statements' CPU (bench/NOTES.md). Rows and total go out together on two pooled connections.
 */
export async function findProductPage(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
): Promise<[ProductListRow[], PageTotal]> {
  const where = await productWhere(products, filter);
  if (where.join) {
    // A search: rows and the (capped) count from one statement, so the candidates are collected
    // once; a page past the last row needs the count on its own.
    const [rows, n] = await findProductRowsCounted(products, filter, where);
    const total = n ?? (filter.page === 1 ? 0 : await countProducts(products, where));
    return [rows, pageTotal(where, total)];
  }
  const [rows, n] = await Promise.all([findProductRows(products, filter, where), countProducts(products, where)]);
  return [rows, pageTotal(where, n)];
}

/** A page's `total`, and for a search matching more than it ranks, `totalIsLowerBound`. */
export interface PageTotal {
  total: number;
  totalIsLowerBound?: true;
}

/** The count of `countProducts` as a page reports it (a search's is capped, docs/search.md). */
export function pageTotal(where: ProductWhere, n: number): PageTotal {
  if (where.cap !== undefined && n > where.cap) return { total: where.cap, totalIsLowerBound: true };
  return { total: n };
}

/** The WHERE clause of a filter, built once for the rows and the total; a keyword adds a join. */
export interface ProductWhere {
  sql: string;
  params: unknown[];
  /** a search's candidates: a derived table `(product_id, score, …sort columns)`, filtered already */
  join?: { sql: string; params: unknown[] };
  /** a search ranks and pages through at most this many matches (SEARCH_MAX_RESULTS) */
  cap?: number;
}

export async function productWhere(
  products: Repository<ProductEntity>,
  filter: Omit<ProductFilter, 'sort' | 'page' | 'pageSize'>,
): Promise<ProductWhere> {
  const where = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.onShelf !== undefined) {
    where.push('on_shelf = ?');
    params.push(filter.onShelf ? 1 : 0);
  }
  if (filter.categoryId !== undefined) {
    const ids = await categoryWithChildren(products, filter.categoryId);
    where.push(`category_id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  if (filter.stock !== undefined) {
    // Uncorrelated subqueries on `skus` (its product_id index), so the condition reads the same on
    // the plain list (products aliased p) and inside a search's candidate scan (products unaliased).
    const withStock = 'id IN (SELECT product_id FROM skus WHERE deleted_at IS NULL AND stock > 0)';
    if (filter.stock === 'out') where.push(`NOT ${withStock}`);
    else where.push(withStock);
    if (filter.stock === 'low') {
      where.push('id IN (SELECT product_id FROM skus WHERE deleted_at IS NULL AND stock <= ?)');
      params.push(LOW_STOCK_THRESHOLD);
    }
  }
  let join: ProductWhere['join'];
  const cap = filter.searchCap ?? SEARCH_MAX_RESULTS;
  if (filter.keyword) {
    const terms = queryTerms(filter.keyword);
    // Only punctuation or symbols: nothing a product's words could match.
    const matches =
      terms.length === 0 ? null : await searchCandidates(products, terms, { sql: where.join(' AND '), params }, cap);
    if (!matches) where.push('1 = 0');
    else join = matches;
  }
  return { sql: where.join(' AND '), params, join, cap: filter.keyword ? cap : undefined };
}

/** One page of rows matching `where`, in the filter's order. */
export async function findProductRows(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
  where: ProductWhere,
): Promise<ProductListRow[]> {
  return (await selectRows(products, filter, where, false))[0];
}

/**
 * One page of rows with the number of matches (`COUNT(*) OVER ()`), or an undefined count
 * when the page is empty (past the last row, or nothing matches).
 */
async function findProductRowsCounted(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
  where: ProductWhere,
): Promise<[ProductListRow[], number | undefined]> {
  return selectRows(products, filter, where, true);
}

async function selectRows(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
  where: ProductWhere,
  counted: boolean,
): Promise<[ProductListRow[], number | undefined]> {
  const columns = LIST_COLUMNS.map((name) => products.metadata.findColumnWithPropertyName(name)!);
  // Relevance needs the score of a keyword's join; without a keyword it is the default order.
  const sort = filter.sort === 'relevance' && !where.join ? 'newest' : filter.sort;
  // A search's pages end at its cap: the matches past it are not ranked.
  const offset = (filter.page - 1) * filter.pageSize;
  const limit = where.cap === undefined ? filter.pageSize : Math.min(filter.pageSize, where.cap - offset);
  if (limit <= 0) return [[], undefined];
  const select = `SELECT ${columns.map((c) => `p.${c.databaseName}`).join(', ')}`;
  const table = `${products.metadata.tableName} p`;
  // A search ranks its candidates (filtered already, carrying the sort columns) and reads only
  // the page's rows from products; a plain list reads products in the filter's order.
  const rows = (await products.query(
    where.join
      ? `${select}, r.matches_n FROM (SELECT product_id, ` +
          `${counted ? 'COUNT(*) OVER ()' : 'NULL'} AS matches_n, ROW_NUMBER() OVER (ORDER BY ${CANDIDATE_ORDER_SQL[sort]}) AS pos ` +
          `FROM (${where.join.sql}) m ORDER BY pos LIMIT ? OFFSET ?) r JOIN ${table} ON p.id = r.product_id ORDER BY r.pos`
      : `${select} FROM ${table} WHERE ${where.sql} ORDER BY ${ORDER_SQL[sort]} LIMIT ? OFFSET ?`,
    where.join ? [...where.join.params, limit, offset] : [...where.params, limit, offset],
  )) as Array<Record<string, unknown>>;
  return [hydrateRows(products, rows), counted && rows.length > 0 ? Number(rows[0].matches_n) : undefined];
}

/** Raw rows of LIST_COLUMNS → list rows, by the driver's own hydration (dates, JSON, booleans). */
export function hydrateRows(
  products: Repository<ProductEntity>,
  rows: Array<Record<string, unknown>>,
): ProductListRow[] {
  const columns = LIST_COLUMNS.map((name) => products.metadata.findColumnWithPropertyName(name)!);
  const driver = products.manager.connection.driver;
  return rows.map((raw) => {
    const row = {} as Record<string, unknown>;
    for (const c of columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
    return row as ProductListRow;
  });
}

/**
 * How many products match `where`, whatever the page; for a search, up to its cap + 1 (what
 * `pageTotal` turns into a total and a lower-bound flag).
 */
export async function countProducts(products: Repository<ProductEntity>, where: ProductWhere): Promise<number> {
  const [row] = (await products.query(
    where.join
      ? `SELECT COUNT(*) AS n FROM (${where.join.sql}) m`
      : `SELECT COUNT(*) AS n FROM ${products.metadata.tableName} WHERE ${where.sql}`,
    where.join ? where.join.params : where.params,
  )) as Array<{ n: unknown }>;
  return Number(row.n);
}

/** The first `limit` on-shelf products for the home screen, in one of the list orders. */
export async function findTopProducts(
  products: Repository<ProductEntity>,
  sort: ProductSort,
  limit: number,
): Promise<ProductListRow[]> {
  const filter = { onShelf: true, sort, page: 1, pageSize: limit };
  return findProductRows(products, filter, await productWhere(products, filter));
}

/** A category and its direct children (the tree has two levels). */
async function categoryWithChildren(products: Repository<ProductEntity>, categoryId: number): Promise<number[]> {
  const children = await products.manager.find(CategoryEntity, {
    select: { id: true },
    where: { parentId: categoryId },
  });
  return [categoryId, ...children.map((c) => c.id)];
}
