import type { ProductSort } from '@sutwxapp/contracts';
import type { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { searchMatches } from './search/search-index';
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
}

/** `%`, `_` and `\` in a keyword are literal characters, not wildcards. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The columns a list shows (summary and admin summary): no description, no spec axes. */
const LIST_COLUMNS = [
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
  relevance: 'm.score DESC, sales DESC, id DESC',
  newest: 'created_at DESC, id DESC',
  price_asc: 'min_price ASC, id ASC',
  price_desc: 'min_price DESC, id DESC',
  sales: 'sales DESC, id DESC',
  rating: 'rating_avg DESC, review_count DESC, id DESC',
  reviews: 'review_count DESC, id DESC',
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
): Promise<[ProductListRow[], number]> {
  const where = await productWhere(products, filter);
  return Promise.all([findProductRows(products, filter, where), countProducts(products, where)]);
}

/** The WHERE clause of a filter, built once for the rows and the total; a keyword adds a join. */
export interface ProductWhere {
  sql: string;
  params: unknown[];
  /** `JOIN (matches) m ON …`, placed before WHERE, its parameters first */
  join?: { sql: string; params: unknown[] };
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
  let join: ProductWhere['join'];
  if (filter.keyword) {
    const terms = queryTerms(filter.keyword);
    // Only punctuation or symbols: nothing a product's words could match.
    if (terms.length === 0) where.push('1 = 0');
    else {
      const matches = searchMatches(terms);
      join = { sql: `JOIN (${matches.sql}) m ON m.product_id = id`, params: matches.params };
    }
  }
  return { sql: where.join(' AND '), params, join };
}

/** One page of rows matching `where`, in the filter's order. */
export async function findProductRows(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
  where: ProductWhere,
): Promise<ProductListRow[]> {
  const columns = LIST_COLUMNS.map((name) => products.metadata.findColumnWithPropertyName(name)!);
  // Relevance needs the score of a keyword's join; without a keyword it is the default order.
  const sort = filter.sort === 'relevance' && !where.join ? 'newest' : filter.sort;
  const rows = (await products.query(
    `SELECT ${columns.map((c) => c.databaseName).join(', ')} FROM ${products.metadata.tableName} ` +
      `${where.join?.sql ?? ''} WHERE ${where.sql} ORDER BY ${ORDER_SQL[sort]} LIMIT ? OFFSET ?`,
    [...(where.join?.params ?? []), ...where.params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  )) as Array<Record<string, unknown>>;
  const driver = products.manager.connection.driver;
  return rows.map((raw) => {
    const row = {} as Record<string, unknown>;
    for (const c of columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.databaseName], c);
    return row as ProductListRow;
  });
}

/** How many products match `where`, whatever the page. */
export async function countProducts(products: Repository<ProductEntity>, where: ProductWhere): Promise<number> {
  const [row] = (await products.query(
    `SELECT COUNT(*) AS n FROM ${products.metadata.tableName} ${where.join?.sql ?? ''} WHERE ${where.sql}`,
    [...(where.join?.params ?? []), ...where.params],
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
