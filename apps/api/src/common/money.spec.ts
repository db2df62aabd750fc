import { fenToYuan } from './money';

describe('fenToYuan', () => {
  it('writes whole fen as yuan with two decimals, exactly', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(1990)).toBe('19.90');
    expect(fenToYuan(1005)).toBe('10.05');
    expect(fenToYuan(123456789)).toBe('1234567.89');
    expect(fenToYuan(-250)).toBe('-2.50');
    // beyond what 0.1 + 0.2 style float arithmetic keeps exact
    expect(fenToYuan(9_007_199_254_740_991)).toBe('90071992547409.91');
  });

  it('refuses a fraction of a fen', () => {
    expect(() => fenToYuan(10.5)).toThrow(RangeError);
    expect(() => fenToYuan(Number.NaN)).toThrow(RangeError);
  });
});
