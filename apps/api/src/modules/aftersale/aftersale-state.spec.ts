import { AfterSaleStatus } from '@sutwxapp/contracts';
import { afterSaleOrderLabel, AFTERSALE_TRANSITIONS, canAfterSaleTransition, OPEN_STATES } from './aftersale-state';

describe('after-sale state table', () => {
  const S = AfterSaleStatus;
  it('allows exactly the declared paths', () => {
    expect(canAfterSaleTransition(S.REQUESTED, S.APPROVED)).toBe(true);
    expect(canAfterSaleTransition(S.APPROVED, S.REFUNDING)).toBe(true);
    expect(canAfterSaleTransition(S.RETURN_RECEIVED, S.REFUNDING)).toBe(true);
    expect(canAfterSaleTransition(S.REQUESTED, S.REFUNDING)).toBe(false);
    expect(canAfterSaleTransition(S.REFUNDED, S.REFUNDING)).toBe(false);
    expect(canAfterSaleTransition(S.RETURN_SHIPPED, S.CANCELLED)).toBe(false);
    expect(canAfterSaleTransition(S.REJECTED, S.APPROVED)).toBe(false);
  });

  it('never leaves a final state', () => {
    const finals = Object.values(S).filter((s) => !OPEN_STATES.includes(s));
    expect(finals.sort()).toEqual([S.CANCELLED, S.CLOSED, S.REFUNDED, S.REJECTED].sort());
    for (const t of Object.values(AFTERSALE_TRANSITIONS)) {
      for (const f of finals) expect(t.from as readonly string[]).not.toContain(f);
    }
  });
});

describe('afterSaleOrderLabel', () => {
  it('shows 售后中 while a request is open, then 已退款, then 售后关闭 for rejected/closed', () => {
    expect(afterSaleOrderLabel(1, 1, 'REFUNDED')).toBe('售后中');
    expect(afterSaleOrderLabel(0, 1, 'CANCELLED')).toBe('已退款');
    expect(afterSaleOrderLabel(0, 0, 'REJECTED')).toBe('售后关闭');
    expect(afterSaleOrderLabel(0, 0, 'CLOSED')).toBe('售后关闭');
    expect(afterSaleOrderLabel(0, 0, 'CANCELLED')).toBeNull();
    expect(afterSaleOrderLabel(0, 0, null)).toBeNull();
  });
});
