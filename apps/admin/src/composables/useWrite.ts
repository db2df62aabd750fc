import { MessagePlugin } from 'tdesign-vue-next';
import { ref, type Ref } from 'vue';

interface Write {
  busy: Ref<boolean>;
  /** the API's refusal as it is ('' again when the next attempt starts) */
  error: Ref<string>;
  run: (write: () => Promise<void>) => Promise<void>;
}

/**
 * One write from a form or dialog: `busy` while it runs (the confirm button's spinner), the API's
 * refusal kept in `error` for the form to show. `toastErrors` also shows the refusal as a toast.
 */
export function useWrite(options: { toastErrors?: boolean } = {}): Write {
  const busy = ref(false);
  const error = ref('');
  async function run(write: () => Promise<void>): Promise<void> {
    busy.value = true;
    error.value = '';
    try {
      await write();
    } catch (e) {
      error.value = (e as Error).message;
      if (options.toastErrors) void MessagePlugin.error(error.value);
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}

/**
 * A dialog that writes about one thing (a row, a review, a category): `start` opens it on its
 * target with the last refusal cleared; `run` is useWrite's.
 */
export function useDialogWrite<T>(
  options: { toastErrors?: boolean } = {},
): Write & { target: Ref<T | null>; open: Ref<boolean>; start: (target: T) => void } {
  const write = useWrite(options);
  const target = ref(null) as Ref<T | null>;
  const open = ref(false);
  function start(next: T): void {
    target.value = next;
    write.error.value = '';
    open.value = true;
  }
  return { ...write, target, open, start };
}

/**
 * A write whose outcome is told by a toast alone (a row's switch, a move, an export): `done` when
 * it succeeds, the API's message when it is refused. Says whether it succeeded.
 */
export async function toastWrite(write: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await write();
    void MessagePlugin.success(done);
    return true;
  } catch (e) {
    void MessagePlugin.error((e as Error).message);
    return false;
  }
}
