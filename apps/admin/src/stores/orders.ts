import { defineStore } from 'pinia';
import { ref } from 'vue';

/** What the order screens share: the list's query, so 返回订单列表 goes back to the same filters. */
export const useOrderScreens = defineStore('orders', () => {
  const listQuery = ref<Record<string, string>>({});
  return { listQuery };
});
