import type { CouponKind, CouponScope, CouponTemplate, CouponTemplateInput } from '@sutwxapp/contracts';
import { fenToYuanText, parseYuan } from './money';

/**
 * The coupon template form as typed (text, yuan and 折), and its exact conversion to the API's
 * integer fen and percent: digits are read as digits (parseYuan), never through a float.
 */
export interface CouponForm {
  name: string;
  kind: CouponKind;
  /** 满 … 元 (THRESHOLD) */
  threshold: string;
  /** 减 … 元 (THRESHOLD, NO_THRESHOLD) */
  amount: string;
  /** … 折, e.g. 8.5 (PERCENT): 15 % off */
  zhe: string;
  /** 最高减 … 元 (PERCENT); blank = no cap */
  maxDiscount: string;
  scope: CouponScope;
  /** category or product ids, separated by commas or spaces */
  scopeIds: string;
  validity: 'days' | 'fixed';
  validDays: string;
  /** Beijing wall-clock `yyyy-MM-ddTHH:mm` (an <input type="datetime-local">) */
  validFrom: string;
  validTo: string;
  totalQuantity: string;
  perUserLimit: string;
  issuing: boolean;
}

export type CouponFormErrors = Partial<Record<keyof CouponForm, string>>;

export const emptyCouponForm = (): CouponForm => ({
  name: '',
  kind: 'THRESHOLD',
  threshold: '',
  amount: '',
  zhe: '',
  maxDiscount: '',
  scope: 'ALL',
  scopeIds: '',
  validity: 'days',
  validDays: '7',
  validFrom: '',
  validTo: '',
  totalQuantity: '100',
  perUserLimit: '1',
  issuing: true,
});

/** "8.5" 折 → 15 (% off); null unless 0.1 to 9.9 折 with at most one decimal. */
export function zheToPercentOff(text: string): number | null {
  const m = /^\s*(\d)(?:\.(\d))?\s*$/.exec(text);
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? '0');
  return tenths >= 1 && tenths <= 99 ? 100 - tenths : null;
}

export function percentOffToZhe(percentOff: number): string {
  const tenths = 100 - percentOff;
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}

const BEIJING_MS = 8 * 3600_000;

/** `2026-01-01T10:00` in Beijing → `2026-01-01T10:00:00+08:00`; null if not such a value. */
export function beijingLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const iso = `${local}:00+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

export function isoToBeijingLocal(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + BEIJING_MS).toISOString().slice(0, 16);
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d{1,9}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** The form as the API's input, or the problems by field (in Chinese, next to each field). */
export function couponInput(form: CouponForm): { input: CouponTemplateInput | null; errors: CouponFormErrors } {
  const errors: CouponFormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = '请填写名称';
  else if ([...name].length > 64) errors.name = '名称最多 64 个字';
  const input: CouponTemplateInput = { name, kind: form.kind, totalQuantity: 0 };
  if (form.kind === 'THRESHOLD' || form.kind === 'NO_THRESHOLD') {
    const amount = parseYuan(form.amount);
    if (amount === null || amount < 1) errors.amount = '请填写减免金额，如 10 或 9.90';
    else input.amountFen = amount;
  }
  if (form.kind === 'THRESHOLD') {
    const threshold = parseYuan(form.threshold);
    if (threshold === null) errors.threshold = '请填写门槛金额，如 100';
    else if (input.amountFen !== undefined && threshold <= input.amountFen) errors.threshold = '门槛必须大于减免金额';
    else input.thresholdFen = threshold;
  }
  if (form.kind === 'PERCENT') {
    const off = zheToPercentOff(form.zhe);
    if (off === null) errors.zhe = '请填写 0.1 到 9.9 之间的折扣，如 8.5';
    else input.percentOff = off;
    if (form.maxDiscount.trim() === '') input.maxDiscountFen = 0;
    else {
      const cap = parseYuan(form.maxDiscount);
      if (cap === null || cap < 1) errors.maxDiscount = '最高减免金额有误（不限请留空）';
      else input.maxDiscountFen = cap;
    }
  }
  input.scope = form.scope;
  if (form.scope !== 'ALL') {
    const parts = form.scopeIds.split(/[\s,，、]+/).filter(Boolean);
    const ids = parts.map((p) => wholeNumber(p, 1, 2_147_483_647));
    if (parts.length === 0 || ids.some((id) => id === null)) errors.scopeIds = '请填写 ID，多个用逗号分隔';
    else input.scopeIds = [...new Set(ids as number[])];
  }
  if (form.validity === 'days') {
    const days = wholeNumber(form.validDays, 1, 3650);
    if (days === null) errors.validDays = '请填写 1 到 3650 天';
    else Object.assign(input, { validDays: days, validFrom: null, validTo: null });
  } else {
    const from = form.validFrom ? beijingLocalToIso(form.validFrom) : null;
    const to = beijingLocalToIso(form.validTo);
    if (form.validFrom && !from) errors.validFrom = '开始时间有误';
    if (!to) errors.validTo = '请填写结束时间';
    else if (from && Date.parse(to) <= Date.parse(from)) errors.validTo = '结束时间必须晚于开始时间';
    else Object.assign(input, { validDays: null, validFrom: from, validTo: to });
  }
  const total = wholeNumber(form.totalQuantity, 1, 10_000_000);
  if (total === null) errors.totalQuantity = '请填写 1 到 10000000 张';
  else input.totalQuantity = total;
  const limit = wholeNumber(form.perUserLimit, 1, 100);
  if (limit === null) errors.perUserLimit = '每人限领 1 到 100 张';
  else input.perUserLimit = limit;
  input.issuing = form.issuing;
  return { input: Object.keys(errors).length ? null : input, errors };
}

/** A template back into the form, for editing. */
export function couponFormOf(t: CouponTemplate): CouponForm {
  return {
    name: t.name,
    kind: t.kind,
    threshold: t.kind === 'THRESHOLD' ? fenToYuanText(t.thresholdFen) : '',
    amount: t.kind === 'PERCENT' ? '' : fenToYuanText(t.amountFen),
    zhe: t.kind === 'PERCENT' ? percentOffToZhe(t.percentOff) : '',
    maxDiscount: t.kind === 'PERCENT' && t.maxDiscountFen > 0 ? fenToYuanText(t.maxDiscountFen) : '',
    scope: t.scope,
    scopeIds: t.scopeIds.join(', '),
    validity: t.validDays ? 'days' : 'fixed',
    validDays: t.validDays ? String(t.validDays) : '',
    validFrom: isoToBeijingLocal(t.validFrom),
    validTo: isoToBeijingLocal(t.validTo),
    totalQuantity: String(t.totalQuantity),
    perUserLimit: String(t.perUserLimit),
    issuing: t.issuing,
  };
}
