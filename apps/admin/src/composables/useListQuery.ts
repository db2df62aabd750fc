import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { cleanQuery, type RawQuery } from '../lib/list-query';

type Values = Record<string, string | number | boolean | undefined | null>;

/**
 * A list screen's state in the URL: `state` is read from the query by `read` (the lib/list-query
 * helpers), `set` writes a change back (a filter change goes back to page 1), so the list can be
 * shared, reloaded and walked with the browser's back button.
 */
export function useListQuery<T extends Values>(
  read: (q: RawQuery) => T,
): {
  state: ComputedRef<T>;
  set: (patch: Partial<T>) => Promise<void>;
} {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => read(route.query));
  async function set(patch: Partial<T>): Promise<void> {
    const paging = 'page' in patch;
    const next = { ...state.value, ...patch, ...(paging ? {} : { page: 1 }) };
    await router.push({ query: cleanQuery(next) });
  }
  return { state, set };
}
