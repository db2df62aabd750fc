import { describe, expect, it } from 'vitest';
import { useLoad } from './useLoad';
import { useDialogWrite, useWrite } from './useWrite';

describe('useLoad', () => {
  it('holds the data, and loading only while the read runs', async () => {
    const { data, error, loading, load } = useLoad(async () => 7);
    const running = load();
    expect(loading.value).toBe(true);
    await running;
    expect({ data: data.value, error: error.value, loading: loading.value }).toEqual({
      data: 7,
      error: '',
      loading: false,
    });
  });

  it('clears the data on a failed read unless told to keep it', async () => {
    let fail = false;
    const read = async (): Promise<number> => {
      if (fail) throw new Error('没有权限（FORBIDDEN）');
      return 1;
    };
    const cleared = useLoad(read);
    const kept = useLoad(read, { keepOnError: true });
    await Promise.all([cleared.load(), kept.load()]);
    fail = true;
    await Promise.all([cleared.load(), kept.load()]);
    expect([cleared.data.value, cleared.error.value]).toEqual([null, '没有权限（FORBIDDEN）']);
    expect([kept.data.value, kept.error.value]).toEqual([1, '没有权限（FORBIDDEN）']);
    fail = false;
    await kept.load();
    expect(kept.error.value).toBe('');
  });
});

describe('useWrite', () => {
  it('is busy while the write runs and keeps the refusal until the next attempt', async () => {
    const { busy, error, run } = useWrite();
    const refused = run(async () => {
      throw new Error('库存不足（OUT_OF_STOCK）');
    });
    expect(busy.value).toBe(true);
    await refused;
    expect([busy.value, error.value]).toEqual([false, '库存不足（OUT_OF_STOCK）']);
    await run(async () => {
      expect(error.value).toBe('');
    });
    expect(error.value).toBe('');
  });

  it('opens a dialog on its target with the last refusal cleared', async () => {
    const dialog = useDialogWrite<{ id: number }>();
    await dialog.run(async () => {
      throw new Error('refused');
    });
    dialog.start({ id: 3 });
    expect([dialog.target.value, dialog.open.value, dialog.error.value]).toEqual([{ id: 3 }, true, '']);
  });
});
