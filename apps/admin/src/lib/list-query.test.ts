import { describe, expect, it } from 'vitest';
import {
  beijingDayBounds,
  boolOf,
  cleanQuery,
  dateOf,
  enumOf,
  intOf,
  pageOf,
  pageSizeOf,
  typedId,
  yesNo,
} from './list-query';

describe('list filters from the URL query', () => {
  it('reads whole positive numbers only', () => {
    expect(intOf({ id: '12' }, 'id')).toBe(12);
    for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '', '99999999999'])
      expect(intOf({ id: bad }, 'id')).toBeUndefined();
    expect(intOf({ id: ['7', '8'] }, 'id')).toBe(7);
    expect(intOf({}, 'id')).toBeUndefined();
  });

  it('falls back to page 1 and the default size for anything not offered', () => {
    expect(pageOf({})).toBe(1);
    expect(pageOf({ page: '3' })).toBe(3);
    expect(pageOf({ page: '-2' })).toBe(1);
    expect(pageSizeOf({ pageSize: '50' })).toBe(50);
    expect(pageSizeOf({ pageSize: '37' })).toBe(20);
  });

  it('takes only offered values, booleans and real dates', () => {
    expect(enumOf({ status: 'REQUESTED' }, 'status', ['REQUESTED', 'APPROVED'])).toBe('REQUESTED');
    expect(enumOf({ status: 'DROP TABLE' }, 'status', ['REQUESTED'])).toBeUndefined();
    expect(boolOf({ v: 'true' }, 'v')).toBe(true);
    expect(boolOf({ v: 'false' }, 'v')).toBe(false);
    expect(boolOf({ v: '1' }, 'v')).toBeUndefined();
    expect(dateOf({ d: '2026-02-28' }, 'd')).toBe('2026-02-28');
    expect(dateOf({ d: '2026-02-30' }, 'd')).toBeUndefined();
    expect(dateOf({ d: '2026-2-1' }, 'd')).toBeUndefined();
  });

  it('reads a typed ID: blank, a positive whole number, or a mistake', () => {
    expect(typedId('  ')).toBeUndefined();
    expect(typedId(' 42 ')).toBe(42);
    for (const bad of ['0', '-3', '1.5', 'abc', '12345678901']) expect(typedId(bad)).toBeNull();
  });

  it('maps a yes / no filter to its Select and back', () => {
    expect(yesNo.options('全部', '有', '无')).toEqual([
      { value: '', label: '全部' },
      { value: 'true', label: '有' },
      { value: 'false', label: '无' },
    ]);
    expect([yesNo.value(undefined), yesNo.value(true), yesNo.value(false)]).toEqual(['', 'true', 'false']);
    expect([yesNo.picked(''), yesNo.picked('true'), yesNo.picked('false')]).toEqual([undefined, true, false]);
  });

  it('writes back only what differs from the defaults', () => {
    expect(cleanQuery({ page: 1, pageSize: 20, status: undefined, q: '', rating: 5, hasImages: false })).toEqual({
      rating: '5',
      hasImages: 'false',
    });
    expect(cleanQuery({ page: 2, pageSize: 50 })).toEqual({ page: '2', pageSize: '50' });
  });

  it('turns picked Beijing days into the API bounds, the end day included', () => {
    expect(beijingDayBounds('2026-01-31', '2026-01-31')).toEqual({
      from: '2026-01-31T00:00:00+08:00',
      to: '2026-02-01T00:00:00+08:00',
    });
    expect(beijingDayBounds(undefined, '2024-02-28')).toEqual({ to: '2024-02-29T00:00:00+08:00' });
    expect(beijingDayBounds()).toEqual({});
  });
});
