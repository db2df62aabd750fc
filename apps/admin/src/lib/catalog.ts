import {
  ADMIN_PRODUCT_SORTS,
  ADMIN_PRODUCT_STOCK_FILTERS,
  type AdminProductSort,
  type AdminProductStockFilter,
  LOW_STOCK_THRESHOLD,
} from '@sutwxapp/contracts';
import { boolOf, enumOf, intOf, pageOf, pageSizeOf, type RawQuery } from './list-query';
import { formatFen } from './money';

/**
 * The catalog screens' pure rules: the product list's URL state, the price range and stock level
 * a row shows, a bulk shelf answer as text, categories as a tree and moving one row up or down.
 */

export type ProductListState = {
  keyword: string | undefined;
  categoryId: number | undefined;
  onShelf: boolean | undefined;
  stock: AdminProductStockFilter | undefined;
  sort: AdminProductSort | undefined;
  page: number;
  pageSize: number;
};

/** The product list's state from the URL query; anything the screen would not offer is dropped. */
export function productListState(q: RawQuery): ProductListState {
  const raw = q.keyword;
  const keyword = (Array.isArray(raw) ? raw[0] : raw) as unknown;
  const text = typeof keyword === 'string' ? keyword.trim().slice(0, 50) : '';
  return {
    keyword: text || undefined,
    categoryId: intOf(q, 'categoryId'),
    onShelf: boolOf(q, 'onShelf'),
    stock: enumOf(q, 'stock', ADMIN_PRODUCT_STOCK_FILTERS),
    sort: enumOf(q, 'sort', ADMIN_PRODUCT_SORTS),
    page: pageOf(q),
    pageSize: pageSizeOf(q),
  };
}

/** "¥19.90" for one price, "¥19.90 – ¥29.90" for a range. */
export function priceRange(minPrice: number, maxPrice: number): string {
  return maxPrice > minPrice ? `${formatFen(minPrice)} – ${formatFen(maxPrice)}` : formatFen(minPrice);
}

export type StockLevel = 'out' | 'low' | 'ok';

/** A row's total stock as the list marks it: 售罄 at 0, 紧张 at or below the low-stock threshold. */
export function stockLevel(totalStock: number): StockLevel {
  if (totalStock <= 0) return 'out';
  return totalStock <= LOW_STOCK_THRESHOLD ? 'low' : 'ok';
}

export interface ShelfAnswer {
  id: number;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface ShelfOutcomeRow {
  id: number;
  title: string;
  ok: boolean;
  text: string;
}

/** A bulk shelf answer, one row per product in the order sent, with the API's message for a failure. */
export function shelfOutcome(
  results: ShelfAnswer[],
  titles: ReadonlyMap<number, string>,
  onShelf: boolean,
): { succeeded: number; failed: number; rows: ShelfOutcomeRow[] } {
  const rows = results.map((r) => ({
    id: r.id,
    title: titles.get(r.id) ?? `商品 ${r.id}`,
    ok: r.ok,
    text: r.ok ? (onShelf ? '已上架' : '已下架') : `${r.message ?? '失败'}${r.code ? `（${r.code}）` : ''}`,
  }));
  const succeeded = rows.filter((r) => r.ok).length;
  return { succeeded, failed: rows.length - succeeded, rows };
}

/** A stock change as typed: a non-zero whole number, signed ("+5", "-3", "12"), or null. */
export function parseDelta(text: string): number | null {
  const match = /^\s*([+-]?)(\d{1,7})\s*$/.exec(text);
  if (!match) return null;
  const n = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return n === 0 ? null : n;
}

export interface Ordered {
  id: number;
  sortOrder: number;
}

/** Display order: sortOrder, then id (as the API lists categories and banners). */
export function byDisplayOrder<T extends Ordered>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

/**
 * Moving one row among its siblings one place up (-1) or down (+1): the sortOrder writes that
 * give the new order. Siblings are renumbered 10, 20, 30… (ties such as all 0 become distinct);
 * only rows whose number changes are written. Nothing to write at either end.
 */
export function moveWrites(siblings: readonly Ordered[], id: number, step: -1 | 1): Ordered[] {
  const order = byDisplayOrder(siblings);
  const from = order.findIndex((r) => r.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to], order[from]];
  return order
    .map((r, i) => ({ id: r.id, sortOrder: (i + 1) * 10, was: r.sortOrder }))
    .filter((r) => r.sortOrder !== r.was)
    .map(({ id: rowId, sortOrder }) => ({ id: rowId, sortOrder }));
}

/** The sortOrder that puts a new row after its siblings. */
export function nextSortOrder(siblings: readonly Ordered[]): number {
  return siblings.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 10;
}

export interface CategoryLike extends Ordered {
  name: string;
  parentId: number | null;
  children?: CategoryLike[];
}

export interface CategoryRow {
  id: number;
  name: string;
  parentId: number | null;
  sortOrder: number;
  depth: 0 | 1;
  childCount: number;
  /** this row's siblings (itself included), for moving it */
  siblings: Ordered[];
}

/** The two-level tree as table rows: each top-level category followed by its children, in display order. */
export function categoryRows(tree: readonly CategoryLike[]): CategoryRow[] {
  const top = byDisplayOrder(tree);
  const topSiblings = top.map(({ id, sortOrder }) => ({ id, sortOrder }));
  const rows: CategoryRow[] = [];
  for (const node of top) {
    const children = byDisplayOrder(node.children ?? []);
    rows.push({
      id: node.id,
      name: node.name,
      parentId: null,
      sortOrder: node.sortOrder,
      depth: 0,
      childCount: children.length,
      siblings: topSiblings,
    });
    const childSiblings = children.map(({ id, sortOrder }) => ({ id, sortOrder }));
    for (const child of children) {
      rows.push({
        id: child.id,
        name: child.name,
        parentId: node.id,
        sortOrder: child.sortOrder,
        depth: 1,
        childCount: 0,
        siblings: childSiblings,
      });
    }
  }
  return rows;
}

/** Category choices for a filter: "服装" and "服装 / T恤". */
export function categoryOptions(tree: readonly CategoryLike[]): Array<{ value: number; label: string }> {
  const names = new Map(tree.map((n) => [n.id, n.name]));
  return categoryRows(tree).map((r) => ({
    value: r.id,
    label: r.parentId === null ? r.name : `${names.get(r.parentId) ?? ''} / ${r.name}`,
  }));
}
