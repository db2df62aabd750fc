import { LocalCache } from './local-cache';

describe('LocalCache (L1)', () => {
  it('answers what was stored until its TTL, then nothing', () => {
    const l1 = new LocalCache<string>(10, 1000);
    l1.set('a', 'x');
    const now = Date.now();
    expect(l1.get('a', now)).toBe('x');
    expect(l1.get('a', now + 1001)).toBeUndefined();
    expect(l1.size).toBe(0);
  });

  it('never keeps an entry longer than its own TTL allows', () => {
    const l1 = new LocalCache<string>(10, 10_000);
    l1.set('short', 'x', 50);
    expect(l1.get('short', Date.now() + 51)).toBeUndefined();
    l1.set('capped', 'y', 60_000);
    expect(l1.get('capped', Date.now() + 10_001)).toBeUndefined();
  });

  it('drops the oldest entry past its size', () => {
    const l1 = new LocalCache<number>(2, 1000);
    l1.set('a', 1);
    l1.set('b', 2);
    l1.set('c', 3);
    expect([l1.get('a'), l1.get('b'), l1.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('does not keep a value read before an invalidation that happened while it was in flight', () => {
    const l1 = new LocalCache<string>(10, 1000);
    const epochAtRead = l1.epoch;
    l1.invalidate('gen'); // another replica bumped the stamp while our read was on the wire
    l1.set('gen', 'old', 1000, epochAtRead);
    expect(l1.get('gen')).toBeUndefined();
    l1.set('gen', 'new', 1000, l1.epoch);
    expect(l1.get('gen')).toBe('new');
  });

  it('forgets everything at once when told to', () => {
    const l1 = new LocalCache<string>(10, 1000);
    l1.set('a', 'x');
    l1.set('b', 'y');
    l1.invalidate();
    expect(l1.size).toBe(0);
  });
});
