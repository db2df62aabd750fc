import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from './money';

describe('formatFen', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(1)).toBe('¥0.01');
    expect(formatFen(1999)).toBe('¥19.99');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(-250)).toBe('-¥2.50');
    expect(formatFen(30, { symbol: false })).toBe('0.30');
  });
  it('never shows float noise (10 + 20 fen is 0.30, not 0.30000000000000004)', () => {
    expect(formatFen(10 + 20)).toBe('¥0.30');
  });
  it('refuses a fractional amount instead of rounding it away', () => {
    expect(() => formatFen(0.1)).toThrow(RangeError);
  });
});

describe('parseYuan', () => {
  it('reads yuan text into whole fen', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('19.99')).toBe(1999);
  });
  it('refuses what is not an amount', () => {
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});
