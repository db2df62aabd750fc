import { checkinReward, couponDiscount, couponLabel, maxPoints, pieceShare, splitByWeight } from './checkout-math';

describe('promotion money arithmetic', () => {
  const t199 = { kind: 'THRESHOLD' as const, thresholdFen: 19900, amountFen: 3000, percentOff: 0, maxDiscountFen: 0 };

  it('applies 满199减30 only from 199 yuan', () => {
    expect(couponDiscount(t199, 19899)).toBe(0);
    expect(couponDiscount(t199, 19900)).toBe(3000);
    expect(couponLabel(t199)).toBe('满199减30');
  });

  it('caps a percentage coupon and never makes goods free', () => {
    const p = { kind: 'PERCENT' as const, thresholdFen: 0, amountFen: 0, percentOff: 15, maxDiscountFen: 1000 };
    expect(couponDiscount(p, 5000)).toBe(750);
    expect(couponDiscount(p, 100_000)).toBe(1000);
    expect(couponLabel(p)).toBe('8.5折 最高减10');
    const free = { kind: 'NO_THRESHOLD' as const, thresholdFen: 0, amountFen: 500, percentOff: 0, maxDiscountFen: 0 };
    expect(couponDiscount(free, 300)).toBe(299);
  });

  it('splits by largest remainder: exact sum, deterministic ties', () => {
    expect(splitByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeight(3000, [19900, 100])).toEqual([2985, 15]);
    for (const [total, weights] of [
      [7, [3, 5, 11]],
      [9, [1, 2, 3, 4]],
      [1, [5, 5]],
    ] as Array<[number, number[]]>) {
      const parts = splitByWeight(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]));
    }
  });

  it('gives pieces of a line shares that add up to the line', () => {
    const shares = [1, 1, 1].map((q, i) => pieceShare(1000, 3, i, q));
    expect(shares).toEqual([333, 333, 334]);
    expect(pieceShare(1000, 3, 0, 3)).toBe(1000);
  });

  it('caps points by share, balance and the last fen', () => {
    expect(maxPoints(10000, 99999, 1, 50)).toBe(5000);
    expect(maxPoints(10000, 120, 1, 50)).toBe(120);
    expect(maxPoints(1, 100, 1, 100)).toBe(0);
  });

  it('repeats the last streak reward', () => {
    expect(checkinReward([5, 10, 20], 1)).toBe(5);
    expect(checkinReward([5, 10, 20], 9)).toBe(20);
  });
});
