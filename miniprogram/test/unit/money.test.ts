import { formatFen } from '../../src/utils/money';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [9, '0.09'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [1990, '19.90'],
    [249900, '2499.00'],
    [100_000_000, '1000000.00'],
    [-1050, '-10.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('never shows floating-point artefacts', () => {
    // 0.1 + 0.2 yuan in fen stays exact
    expect(formatFen(10 + 20)).toBe('0.30');
    expect(formatFen(1999 * 3)).toBe('59.97');
  });

  it('shows a placeholder for a value that is not money', () => {
    expect(formatFen(Number.NaN)).toBe('--');
    expect(formatFen(Number.POSITIVE_INFINITY)).toBe('--');
  });
});
