import type { CouponTemplate } from '@sutwxapp/contracts';
import { describe, expect, it } from 'vitest';
import {
  beijingLocalToIso,
  couponFormOf,
  couponInput,
  emptyCouponForm,
  isoToBeijingLocal,
  percentOffToZhe,
  zheToPercentOff,
} from './coupon-form';
import { fenToYuanText } from './money';

describe('coupon form → API input (yuan → fen exactly)', () => {
  it('turns a 满减 form into integer fen, digit by digit', () => {
    const { input, errors } = couponInput({
      ...emptyCouponForm(),
      name: ' 满199减30 ',
      threshold: '199',
      amount: '30',
    });
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: '满199减30',
      kind: 'THRESHOLD',
      thresholdFen: 19900,
      amountFen: 3000,
      scope: 'ALL',
      validDays: 7,
      validFrom: null,
      validTo: null,
      totalQuantity: 100,
      perUserLimit: 1,
      issuing: true,
    });
    // amounts a float would get wrong come out exact
    expect(
      couponInput({ ...emptyCouponForm(), name: 'x', kind: 'NO_THRESHOLD', amount: '0.29' }).input?.amountFen,
    ).toBe(29);
    expect(
      couponInput({ ...emptyCouponForm(), name: 'x', kind: 'NO_THRESHOLD', amount: '1.15' }).input?.amountFen,
    ).toBe(115);
  });

  it('reads 折 as percent off with an optional cap', () => {
    const form = { ...emptyCouponForm(), name: '八五折', kind: 'PERCENT' as const, zhe: '8.5', maxDiscount: '20' };
    expect(couponInput(form).input).toMatchObject({ percentOff: 15, maxDiscountFen: 2000 });
    expect(couponInput({ ...form, maxDiscount: '' }).input).toMatchObject({ maxDiscountFen: 0 });
    expect(zheToPercentOff('9')).toBe(10);
    expect(zheToPercentOff('0.1')).toBe(99);
    for (const bad of ['10', '0', '8.55', '8.', '-1', 'abc']) expect(zheToPercentOff(bad)).toBeNull();
    expect(percentOffToZhe(15)).toBe('8.5');
    expect(percentOffToZhe(20)).toBe('8');
  });

  it('names each problem next to its field', () => {
    const { input, errors } = couponInput({
      ...emptyCouponForm(),
      threshold: '10',
      amount: '10.001',
      scope: 'PRODUCTS',
      scopeIds: '3, x',
      validity: 'fixed',
      validFrom: '2026-02-01T00:00',
      validTo: '2026-01-01T00:00',
      totalQuantity: '0',
      perUserLimit: '1000',
    });
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(
      ['name', 'amount', 'scopeIds', 'validTo', 'totalQuantity', 'perUserLimit'].sort(),
    );
    expect(couponInput({ ...emptyCouponForm(), name: 'x', threshold: '10', amount: '10' }).errors.threshold).toBe(
      '门槛必须大于减免金额',
    );
  });

  it('takes a fixed window in Beijing time and scope ids', () => {
    const { input } = couponInput({
      ...emptyCouponForm(),
      name: '限时',
      kind: 'NO_THRESHOLD',
      amount: '5',
      scope: 'CATEGORIES',
      scopeIds: '3，5 3',
      validity: 'fixed',
      validFrom: '2026-01-01T10:00',
      validTo: '2026-01-31T23:59',
    });
    expect(input).toMatchObject({
      scopeIds: [3, 5],
      validDays: null,
      validFrom: '2026-01-01T10:00:00+08:00',
      validTo: '2026-01-31T23:59:00+08:00',
    });
    expect(beijingLocalToIso('2026-13-01T00:00')).toBeNull();
    expect(isoToBeijingLocal('2026-01-31T15:59:00.000Z')).toBe('2026-01-31T23:59');
  });

  it('fills the form back from a template', () => {
    const t: CouponTemplate = {
      id: 1,
      name: '八五折',
      kind: 'PERCENT',
      thresholdFen: 0,
      amountFen: 0,
      percentOff: 15,
      maxDiscountFen: 1990,
      scope: 'PRODUCTS',
      scopeIds: [7, 9],
      validFrom: null,
      validTo: null,
      validDays: 30,
      totalQuantity: 500,
      claimedCount: 3,
      perUserLimit: 2,
      issuing: false,
      label: '8.5折 最高减19.9',
    };
    const form = couponFormOf(t);
    expect(form).toMatchObject({
      zhe: '8.5',
      maxDiscount: '19.90',
      scopeIds: '7, 9',
      validity: 'days',
      validDays: '30',
    });
    expect(couponInput(form).input).toMatchObject({ percentOff: 15, maxDiscountFen: 1990, scopeIds: [7, 9] });
    expect(fenToYuanText(5)).toBe('0.05');
  });
});
