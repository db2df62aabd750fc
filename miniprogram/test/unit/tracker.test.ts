import type { BehaviourEventInput } from '../../src/contracts/events';
import { EventTracker } from '../../src/services/tracker';
import { ApiError } from '../../src/utils/errors';

describe('EventTracker', () => {
  let batches: BehaviourEventInput[][];
  let answer: () => Promise<unknown>;
  const send = (events: BehaviourEventInput[]) => {
    batches.push(events);
    return answer();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    batches = [];
    answer = async () => ({ accepted: 1 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits for a quiet moment, then sends what was collected in one batch', async () => {
    const tracker = new EventTracker(send, 5000, 20);
    tracker.track({ type: 'page_view', page: 'pages/home/index' });
    tracker.track({ type: 'product_view', page: 'pages/product/detail/index', productId: 3 });
    await jest.advanceTimersByTimeAsync(4999);
    expect(batches).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    expect(batches[0].map((e) => e.type)).toEqual(['page_view', 'product_view']);
    expect(batches[0][1]).toMatchObject({ productId: 3, page: 'pages/product/detail/index' });
    expect(Date.parse(batches[0][0].clientTime)).not.toBeNaN();
    expect(tracker.pending).toBe(0);
  });

  it('sends at once when a batch is full, and never more than 50 events a request', async () => {
    const tracker = new EventTracker(send, 5000, 20, 500);
    tracker.stop();
    for (let i = 0; i < 19; i++) tracker.track({ type: 'search', page: 'p', keyword: `k${i}` });
    expect(batches).toHaveLength(0);
    tracker.track({ type: 'search', page: 'p', keyword: 'k19' });
    await jest.advanceTimersByTimeAsync(0);
    expect(batches.map((b) => b.length)).toEqual([20]);

    const big = new EventTracker(send, 5000, 1000, 500);
    for (let i = 0; i < 120; i++) big.track({ type: 'page_view', page: `p${i}` });
    await big.flush();
    expect(batches.slice(1).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  it('keeps events for the next flush when the API cannot be reached', async () => {
    const tracker = new EventTracker(send);
    answer = () => Promise.reject(new ApiError(0, 'NETWORK_ERROR', 'timeout'));
    tracker.track({ type: 'page_view', page: 'a' });
    tracker.track({ type: 'page_view', page: 'b' });
    await tracker.flush();
    expect(tracker.pending).toBe(2);
    answer = async () => ({ accepted: 2 });
    await tracker.flush();
    expect(batches.map((b) => b.map((e) => e.page))).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(tracker.pending).toBe(0);
  });

  it('drops a batch the API refused, so one bad event cannot block the rest forever', async () => {
    const tracker = new EventTracker(send);
    answer = () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'bad'));
    tracker.track({ type: 'search', page: 'p', keyword: '' });
    await tracker.flush();
    expect(tracker.pending).toBe(0);
  });

  it('holds at most maxQueued events while offline, dropping the oldest', async () => {
    const tracker = new EventTracker(send, 5000, 1000, 3);
    for (const page of ['a', 'b', 'c', 'd', 'e']) tracker.track({ type: 'page_view', page });
    await tracker.flush();
    expect(batches[0].map((e) => e.page)).toEqual(['c', 'd', 'e']);
  });
});
