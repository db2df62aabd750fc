import { legalPairs } from '../../common/state-table';
import type { PaymentStatus } from './entities/payment.entity';
import type { RefundRowStatus } from './entities/refund.entity';
import { PAYMENT_TRANSITIONS, REFUND_TRANSITIONS, refundTransitionFor } from './payment-state';

const PAYMENT: PaymentStatus[] = ['PENDING', 'SUCCESS', 'CLOSED'];
const REFUND: RefundRowStatus[] = ['SUBMITTING', 'PROCESSING', 'SUCCESS', 'ABNORMAL', 'CLOSED'];

describe('payment state table', () => {
  const legal = new Set(['PENDING>SUCCESS', 'CLOSED>SUCCESS', 'PENDING>CLOSED', 'PENDING>PENDING', 'CLOSED>PENDING']);
  for (const from of PAYMENT) {
    for (const to of PAYMENT) {
      const expected = legal.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? 'legal' : 'illegal'}`, () => {
        expect(legalPairs(PAYMENT_TRANSITIONS).has(`${from}>${to}`)).toBe(expected);
      });
    }
  }

  it('never leaves SUCCESS: the first payment recorded stays', () => {
    expect([...legalPairs(PAYMENT_TRANSITIONS)].filter((p) => p.startsWith('SUCCESS>'))).toEqual([]);
  });
});

describe('refund state table', () => {
  const finals: RefundRowStatus[] = ['SUCCESS', 'ABNORMAL', 'CLOSED'];
  const legal = new Set([
    'SUBMITTING>PROCESSING',
    ...['SUBMITTING', 'PROCESSING'].flatMap((from) => finals.map((to) => `${from}>${to}`)),
  ]);
  for (const from of REFUND) {
    for (const to of REFUND) {
      const expected = legal.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? 'legal' : 'illegal'}`, () => {
        expect(legalPairs(REFUND_TRANSITIONS).has(`${from}>${to}`)).toBe(expected);
      });
    }
  }

  it("maps WeChat's final refund statuses and ignores the rest", () => {
    expect(finals.map((s) => refundTransitionFor(s) && REFUND_TRANSITIONS[refundTransitionFor(s)!].to)).toEqual(finals);
    expect(refundTransitionFor('PROCESSING')).toBeNull();
    expect(refundTransitionFor('whatever')).toBeNull();
  });
});
