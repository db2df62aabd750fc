import { computed, type ComputedRef, type Ref, watch } from 'vue';
import type { RawQuery } from '../lib/list-query';
import { useListQuery } from './useListQuery';
import { useLoad } from './useLoad';

type Values = Record<string, string | number | boolean | undefined | null> & { page: number; pageSize: number };

/**
 * A paged list screen: its filters and page in the URL (useListQuery), one page read for each
 * state, and `table`, the bindings PagedTable takes from them (`v-bind="table"`). `onState` runs
 * before each read for a new state (copying a filter back into its text box); `active` false skips
 * the read (the screen is no longer the route).
 */
export function useListPage<T extends Values, P extends { items: unknown[]; total: number }>(
  readQuery: (q: RawQuery) => T,
  read: (state: T) => Promise<P>,
  options: { onState?: (state: T) => void; active?: () => boolean } = {},
): {
  state: ComputedRef<T>;
  set: (patch: Partial<T>) => Promise<void>;
  result: Ref<P | null>;
  error: Ref<string>;
  loading: Ref<boolean>;
  load: () => Promise<void>;
  table: ComputedRef<{
    items: P['items'] | undefined;
    total: number | undefined;
    loading: boolean;
    error: string;
    page: number;
    pageSize: number;
  }>;
} {
  const { state, set } = useListQuery(readQuery);
  const { data: result, error, loading, load } = useLoad(() => read(state.value));
  watch(
    state,
    (s) => {
      options.onState?.(s);
      if (options.active?.() ?? true) void load();
    },
    { immediate: true },
  );
  const table = computed(() => ({
    items: result.value?.items,
    total: result.value?.total,
    loading: loading.value,
    error: error.value,
    page: state.value.page,
    pageSize: state.value.pageSize,
  }));
  return { state, set, result, error, loading, load, table };
}
