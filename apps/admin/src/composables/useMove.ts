import { ref, type Ref } from 'vue';
import { moveWrites, type Ordered } from '../lib/catalog';
import { toastWrite } from './useWrite';

/**
 * Moving a row up or down among its siblings (banners; categories of one parent): the sortOrder
 * writes lib/catalog moveWrites plans, one toast for the outcome, then the list read again.
 * `moving` holds every move button while a move runs.
 */
export function useMove(
  writeSortOrder: (id: number, sortOrder: number) => Promise<unknown>,
  reload: () => Promise<void>,
): {
  moving: Ref<boolean>;
  move: (siblings: readonly Ordered[], row: { id: number; name: string }, step: -1 | 1) => Promise<void>;
} {
  const moving = ref(false);
  async function move(siblings: readonly Ordered[], row: { id: number; name: string }, step: -1 | 1): Promise<void> {
    const writes = moveWrites(siblings, row.id, step);
    if (!writes.length) return;
    moving.value = true;
    await toastWrite(
      async () => {
        for (const w of writes) await writeSortOrder(w.id, w.sortOrder);
      },
      `「${row.name}」已${step < 0 ? '上移' : '下移'}`,
    );
    moving.value = false;
    await reload();
  }
  return { moving, move };
}
