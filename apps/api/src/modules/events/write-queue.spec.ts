import { BoundedWriteQueue, type DropReason } from './write-queue';

function queue(opts: { capacity?: number; batchSize?: number; maxAttempts?: number; fail?: () => boolean } = {}) {
  const written: number[][] = [];
  const drops: Array<[DropReason, number]> = [];
  const q = new BoundedWriteQueue<number>({
    capacity: opts.capacity ?? 10,
    batchSize: opts.batchSize ?? 3,
    maxAttempts: opts.maxAttempts ?? 1,
    write: async (batch) => {
      if (opts.fail?.()) throw new Error('store down');
      written.push(batch);
    },
    onDrop: (reason, count) => drops.push([reason, count]),
  });
  return { q, written, drops };
}

describe('BoundedWriteQueue', () => {
  it('takes what fits, drops and reports the rest, never grows past capacity', () => {
    const { q, drops } = queue({ capacity: 5 });
    expect(q.offer([1, 2, 3])).toBe(3);
    expect(q.offer([4, 5, 6, 7])).toBe(2);
    expect(q.size).toBe(5);
    expect(q.offer([8])).toBe(0);
    expect(drops).toEqual([
      ['queue_full', 2],
      ['queue_full', 1],
    ]);
  });

  it('writes in batches, oldest first', async () => {
    const { q, written } = queue({ batchSize: 3 });
    q.offer([1, 2, 3, 4, 5, 6, 7]);
    while ((await q.writeBatch()) > 0);
    expect(written).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(q.size).toBe(0);
    expect(await q.writeBatch()).toBe(0);
  });

  it('drops a failed batch at once when it has no retries, and counts it', async () => {
    const { q, written, drops } = queue({ maxAttempts: 1, fail: () => true });
    q.offer([1, 2, 3, 4]);
    expect(await q.writeBatch()).toBe(-1);
    expect(drops).toEqual([['store_error', 3]]);
    expect(q.size).toBe(1);
    expect(written).toEqual([]);
  });

  it('retries a failed batch first, up to maxAttempts, and the retry counts against capacity', async () => {
    let failures = 2;
    const { q, written, drops } = queue({ capacity: 4, maxAttempts: 3, fail: () => failures-- > 0 });
    q.offer([1, 2, 3, 4]);
    expect(await q.writeBatch()).toBe(-1);
    expect(q.size).toBe(4);
    expect(q.offer([5])).toBe(0);
    expect(await q.writeBatch()).toBe(-1);
    expect(await q.writeBatch()).toBe(3);
    expect(await q.writeBatch()).toBe(1);
    expect(written).toEqual([[1, 2, 3], [4]]);
    expect(drops).toEqual([['queue_full', 1]]);
  });

  it('gives up after maxAttempts', async () => {
    const { q, drops } = queue({ maxAttempts: 2, fail: () => true });
    q.offer([1, 2]);
    await q.writeBatch();
    await q.writeBatch();
    expect(drops).toEqual([['store_error', 2]]);
    expect(q.size).toBe(0);
  });

  it('discards everything on shutdown and says so', () => {
    const { q, drops } = queue();
    q.offer([1, 2]);
    q.discard('shutdown');
    q.discard('shutdown');
    expect(drops).toEqual([['shutdown', 2]]);
  });
});
