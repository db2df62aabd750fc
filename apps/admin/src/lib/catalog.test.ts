import { describe, expect, it } from 'vitest';
import {
  categoryOptions,
  categoryRows,
  moveWrites,
  nextSortOrder,
  parseDelta,
  priceRange,
  productListState,
  shelfOutcome,
  stockLevel,
} from './catalog';

describe('productListState', () => {
  it('reads every filter, the sort and paging from the query', () => {
    expect(
      productListState({
        keyword: ' 杯子 ',
        categoryId: '3',
        onShelf: 'false',
        stock: 'low',
        sort: 'stock_asc',
        page: '2',
        pageSize: '50',
      }),
    ).toEqual({
      keyword: '杯子',
      categoryId: 3,
      onShelf: false,
      stock: 'low',
      sort: 'stock_asc',
      page: 2,
      pageSize: 50,
    });
  });

  it('drops what the screen would not offer (a hand-edited link falls back to the defaults)', () => {
    expect(
      productListState({ categoryId: 'x', onShelf: 'yes', stock: 'some', sort: 'random', page: '0', pageSize: '7' }),
    ).toEqual({
      keyword: undefined,
      categoryId: undefined,
      onShelf: undefined,
      stock: undefined,
      sort: undefined,
      page: 1,
      pageSize: 20,
    });
  });
});

describe('priceRange and stockLevel', () => {
  it('shows one price or a range in yuan', () => {
    expect(priceRange(1990, 1990)).toBe('¥19.90');
    expect(priceRange(1990, 123450)).toBe('¥19.90 – ¥1,234.50');
  });

  it('marks 0 as out and at most the low-stock threshold (10) as low', () => {
    expect([0, 1, 10, 11].map(stockLevel)).toEqual(['out', 'low', 'low', 'ok']);
  });
});

describe('shelfOutcome', () => {
  it('keeps the order sent and shows the API message and code of a failure', () => {
    const outcome = shelfOutcome(
      [
        { id: 1, ok: true },
        { id: 2, ok: false, code: 'PRODUCT_NOT_FOUND', message: '商品不存在' },
      ],
      new Map([[1, '保温杯']]),
      false,
    );
    expect(outcome).toEqual({
      succeeded: 1,
      failed: 1,
      rows: [
        { id: 1, title: '保温杯', ok: true, text: '已下架' },
        { id: 2, title: '商品 2', ok: false, text: '商品不存在（PRODUCT_NOT_FOUND）' },
      ],
    });
  });
});

describe('parseDelta', () => {
  it('takes signed non-zero whole numbers only', () => {
    expect(['+5', '-3', ' 12 ', '0', '1.5', '', 'abc', '--1', '12345678'].map(parseDelta)).toEqual([
      5,
      -3,
      12,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('moveWrites', () => {
  const rows = [
    { id: 1, sortOrder: 10 },
    { id: 2, sortOrder: 20 },
    { id: 3, sortOrder: 30 },
  ];

  it('swaps a row with its neighbour, writing only the two that change', () => {
    expect(moveWrites(rows, 3, -1)).toEqual([
      { id: 3, sortOrder: 20 },
      { id: 2, sortOrder: 30 },
    ]);
    expect(moveWrites(rows, 1, 1)).toEqual([
      { id: 2, sortOrder: 10 },
      { id: 1, sortOrder: 20 },
    ]);
  });

  it('writes nothing at either end or for an unknown id', () => {
    expect(moveWrites(rows, 1, -1)).toEqual([]);
    expect(moveWrites(rows, 3, 1)).toEqual([]);
    expect(moveWrites(rows, 9, 1)).toEqual([]);
  });

  it('renumbers ties (all 0) so the order becomes distinct, ids breaking the tie', () => {
    const ties = [
      { id: 5, sortOrder: 0 },
      { id: 4, sortOrder: 0 },
      { id: 6, sortOrder: 0 },
    ];
    // display order is 4, 5, 6; moving 6 up gives 4, 6, 5
    expect(moveWrites(ties, 6, -1)).toEqual([
      { id: 4, sortOrder: 10 },
      { id: 6, sortOrder: 20 },
      { id: 5, sortOrder: 30 },
    ]);
  });

  it('puts a new row after its siblings', () => {
    expect(nextSortOrder(rows)).toBe(40);
    expect(nextSortOrder([])).toBe(10);
  });
});

describe('categoryRows and categoryOptions', () => {
  const tree = [
    {
      id: 2,
      name: '家居',
      parentId: null,
      sortOrder: 20,
      children: [
        { id: 21, name: '杯具', parentId: 2, sortOrder: 5 },
        { id: 20, name: '餐具', parentId: 2, sortOrder: 1 },
      ],
    },
    { id: 1, name: '服装', parentId: null, sortOrder: 10, children: [] },
  ];

  it('lists each top-level category before its children, all in display order', () => {
    expect(categoryRows(tree).map((r) => [r.id, r.depth, r.childCount, r.siblings.map((s) => s.id)])).toEqual([
      [1, 0, 0, [1, 2]],
      [2, 0, 2, [1, 2]],
      [20, 1, 0, [20, 21]],
      [21, 1, 0, [20, 21]],
    ]);
  });

  it('labels a child with its parent', () => {
    expect(categoryOptions(tree).map((o) => o.label)).toEqual(['服装', '家居', '家居 / 餐具', '家居 / 杯具']);
  });
});
