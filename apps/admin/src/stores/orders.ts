import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

// Kept for the tab's life like the session itself, so a reload of an order's page (or of the
// list) still brings 返回订单列表 back to the filters the operator was working through. The
// filters can hold a shopper's phone number: signing out (or a 401) forgets them.
const LIST_QUERY_KEY = 'sutwxapp.admin.orders.listQuery';

/** Forgets the remembered filters in the tab (the in-memory ones go with the page on a 401's reload). */
export function forgetStoredListQuery(): void {
  sessionStorage.removeItem(LIST_QUERY_KEY);
}

function storedListQuery(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(LIST_QUERY_KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** What the order screens share: the list's query, so 返回订单列表 goes back to the same filters. */
export const useOrderScreens = defineStore('orders', () => {
  const listQuery = ref<Record<string, string>>(storedListQuery());
  watch(listQuery, (query) => sessionStorage.setItem(LIST_QUERY_KEY, JSON.stringify(query)));
  return { listQuery };
});
