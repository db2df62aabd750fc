import { ref, type Ref } from 'vue';

/**
 * One read behind a screen or a section: `loading` while it runs, the API's message in `error`
 * when it fails ('' once it succeeds). `keepOnError` leaves the last good data shown under the
 * error; by default a failed read clears it (a list then says 加载失败 instead of stale rows).
 */
export function useLoad<T>(
  read: () => Promise<T>,
  options: { keepOnError?: boolean } = {},
): { data: Ref<T | null>; error: Ref<string>; loading: Ref<boolean>; load: () => Promise<void> } {
  const data = ref(null) as Ref<T | null>;
  const error = ref('');
  const loading = ref(false);
  async function load(): Promise<void> {
    loading.value = true;
    try {
      data.value = await read();
      error.value = '';
    } catch (e) {
      error.value = (e as Error).message;
      if (!options.keepOnError) data.value = null;
    } finally {
      loading.value = false;
    }
  }
  return { data, error, loading, load };
}
