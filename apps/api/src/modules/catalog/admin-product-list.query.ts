import type { AdminProductSort } from '@sutwxapp/contracts';
import type { Repository } from 'typeorm';
import { ProductEntity } from './entities/product.entity';
import {
  countProducts,
  findProductPage,
  hydrateRows,
  LIST_COLUMNS,
  type PageTotal,
  pageTotal,
  type ProductFilter,
  type ProductListRow,
  productWhere,
} from './product-list.query';

/** The stock of a product's live SKUs (0 without any), for the one order that needs it. */
const TOTAL_STOCK_SQL =
  '(SELECT COALESCE(SUM(s.stock), 0) FROM skus s WHERE s.product_id = p.id AND s.deleted_at IS NULL)';

/** ORDER BY per console sort, on `p` (a search's candidate table carries columns of the same names). */
const ADMIN_ORDER_SQL: Record<AdminProductSort, string> = {
  newest: 'p.created_at DESC, p.id DESC',
  updated: 'p.updated_at DESC, p.id DESC',
  price_asc: 'p.min_price ASC, p.id ASC',
  price_desc: 'p.min_price DESC, p.id DESC',
  sales_desc: 'p.sales DESC, p.id DESC',
  stock_asc: `${TOTAL_STOCK_SQL} ASC, p.id ASC`,
};

export interface AdminProductFilter extends Omit<ProductFilter, 'sort'> {
  sort?: AdminProductSort;
}

/**
 * The console's product list: the shoppers' filters plus `stock`, and the console's sorts. A
 * keyword without a sort keeps the search's relevance order (the shoppers' statement); a sort
 * orders the search's candidates (at most the search cap) or the plain list by the console's
 * columns. Deleted products never show; on- and off-shelf ones do unless `onShelf` says.
 */
export async function findAdminProductPage(
  products: Repository<ProductEntity>,
  filter: AdminProductFilter,
): Promise<[ProductListRow[], PageTotal]> {
  if (filter.sort === undefined) {
    return findProductPage(products, { ...filter, sort: filter.keyword ? 'relevance' : 'newest' });
  }
  const where = await productWhere(products, filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const limit = where.cap === undefined ? filter.pageSize : Math.min(filter.pageSize, where.cap - offset);
  const select = `SELECT ${LIST_COLUMNS.map((name) => `p.${products.metadata.findColumnWithPropertyName(name)!.databaseName}`).join(', ')}`;
  const table = `${products.metadata.tableName} p`;
  const order = ADMIN_ORDER_SQL[filter.sort];
  const rowsQuery =
    limit <= 0
      ? Promise.resolve([])
      : (products.query(
          where.join
            ? `${select} FROM (${where.join.sql}) m JOIN ${table} ON p.id = m.product_id ORDER BY ${order} LIMIT ? OFFSET ?`
            : `${select} FROM ${table} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
          [...(where.join ? where.join.params : where.params), limit, offset],
        ) as Promise<Array<Record<string, unknown>>>);
  const [rows, n] = await Promise.all([rowsQuery, countProducts(products, where)]);
  return [hydrateRows(products, rows), pageTotal(where, n)];
}
