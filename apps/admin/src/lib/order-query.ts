import { ADMIN_ORDER_SORTS, type AdminOrderFilter, type AdminOrderSort, OrderStatus } from '@sutwxapp/contracts';

/** The order list's state, all of it in the URL query so a list can be shared and reloaded. */
export interface OrderListState extends AdminOrderFilter {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = Object.values(OrderStatus) as string[];

type QueryValue = string | null | undefined | Array<string | null>;
const one = (v: QueryValue): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/**
 * Reads the list state from a URL query. A hand-edited or stale link never breaks the screen:
 * values that are not what the API takes are dropped (the filter is simply off).
 */
export function stateFromQuery(query: Record<string, QueryValue>): OrderListState {
  const state: OrderListState = { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  const status = one(query.status);
  if (STATUSES.includes(status)) state.status = status as OrderStatus;
  for (const key of ['from', 'to'] as const) {
    const day = one(query[key]);
    if (DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) state[key] = day;
  }
  const orderNo = one(query.orderNo);
  if (/^[A-Za-z0-9]{1,32}$/.test(orderNo)) state.orderNo = orderNo;
  const phone = one(query.phone);
  if (/^\d{4,11}$/.test(phone)) state.phone = phone;
  const product = one(query.product);
  if (product && product.length <= 64) state.product = product;
  const sort = one(query.sort);
  if ((ADMIN_ORDER_SORTS as readonly string[]).includes(sort)) state.sort = sort as AdminOrderSort;
  const order = one(query.order);
  if (order === 'asc' || order === 'desc') state.order = order;
  const page = Number(one(query.page));
  if (Number.isInteger(page) && page >= 1 && page <= 100_000) state.page = page;
  const pageSize = Number(one(query.pageSize));
  if ((PAGE_SIZES as readonly number[]).includes(pageSize)) state.pageSize = pageSize;
  return state;
}

/** The URL query of a list state: only what differs from the defaults, in a stable order. */
export function queryFromState(state: OrderListState): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['status', 'from', 'to', 'orderNo', 'phone', 'product', 'sort', 'order'] as const) {
    const value = state[key]?.trim();
    if (value) query[key] = value;
  }
  if (state.page !== 1) query.page = String(state.page);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = String(state.pageSize);
  return query;
}

/** The filters alone (the export takes them without paging). */
export function filterOf(state: OrderListState): AdminOrderFilter {
  const { page: _page, pageSize: _pageSize, ...filter } = state;
  return filter;
}

/** What the date inputs may hold: a problem to show before asking the API, or null. */
export function filterProblem(filter: AdminOrderFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to) return '开始日期不能晚于结束日期';
  if (filter.phone && !/^\d{4,11}$/.test(filter.phone)) return '手机号请填写 11 位号码，或其后 4 位以上数字';
  if (filter.orderNo && !/^[A-Za-z0-9]{1,32}$/.test(filter.orderNo)) return '订单号只含字母和数字';
  return null;
}
