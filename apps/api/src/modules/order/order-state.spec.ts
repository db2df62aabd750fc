import { OrderStatus } from '@sutwxapp/contracts';
import { canTransition, illegalTransition, ORDER_TRANSITIONS } from './order-state';

const ALL = Object.values(OrderStatus);
const LEGAL = new Set([
  'PENDING_PAYMENT>PAID',
  'PENDING_PAYMENT>CANCELLED',
  'PAID>SHIPPED',
  'SHIPPED>COMPLETED',
  'PAID>REFUNDING',
  'SHIPPED>REFUNDING',
  'REFUNDING>REFUNDED',
]);

describe('order state table', () => {
  for (const from of ALL) {
    for (const to of ALL) {
      const legal = LEGAL.has(`${from}>${to}`);
      it(`${from} → ${to} is ${legal ? 'legal' : 'illegal'}`, () => {
        expect(canTransition(from, to)).toBe(legal);
      });
    }
  }

  it('has exactly the seven legal pairs of the domain rules', () => {
    const pairs = Object.values(ORDER_TRANSITIONS).flatMap((t) => t.from.map((f) => `${f}>${t.to}`));
    expect(new Set(pairs)).toEqual(LEGAL);
  });

  it('terminal states have no way out', () => {
    for (const terminal of [OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED]) {
      expect(ALL.filter((to) => canTransition(terminal, to))).toEqual([]);
    }
  });

  it('explains an illegal transition with a 409 ILLEGAL_ORDER_STATE', () => {
    const err = illegalTransition(OrderStatus.CANCELLED, 'pay');
    expect(err.getStatus()).toBe(409);
    expect(err.code).toBe('ILLEGAL_ORDER_STATE');
    expect(err.message).toContain('CANCELLED');
  });
});
