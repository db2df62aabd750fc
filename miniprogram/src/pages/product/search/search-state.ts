import type { ProductSort } from '../../../contracts/catalog';

export const HISTORY_KEY = 'sut.search.history';
const HISTORY_MAX = 10;

/** `relevance` (综合) sends no sort: the API ranks keyword results by relevance, then sales. */
export type SortKey = ProductSort | 'relevance';

export const sortParam = (key: SortKey): ProductSort | undefined => (key === 'relevance' ? undefined : key);

/** Most recent first, no duplicates, at most 10. */
export function readHistory(): string[] {
  const value: unknown = wx.getStorageSync(HISTORY_KEY);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, HISTORY_MAX) : [];
}

export function addToHistory(keyword: string): string[] {
  const history = [keyword, ...readHistory().filter((k) => k !== keyword)].slice(0, HISTORY_MAX);
  wx.setStorageSync(HISTORY_KEY, history);
  return history;
}

/** 综合 / 销量 / 价格↑↓ */
export function sortTabs(active: SortKey): Array<{ key: SortKey; title: string; active: boolean }> {
  const priceTitle = active === 'price_desc' ? '价格 ↓' : active === 'price_asc' ? '价格 ↑' : '价格';
  return [
    { key: 'relevance', title: '综合', active: active === 'relevance' },
    { key: 'newest', title: '新品', active: active === 'newest' },
    { key: 'sales', title: '销量', active: active === 'sales' },
    { key: 'price_asc', title: priceTitle, active: active === 'price_asc' || active === 'price_desc' },
  ];
}
