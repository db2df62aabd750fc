import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('keeps at most max entries, dropping the oldest written', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) map.set(k, i);
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
  });

  it('treats a rewrite as the newest entry', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    expect([...map.entries()]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
