/** Request validation in WeChat Pay's error shape: 400 PARAM_ERROR with a detail pointer. */
export interface PayFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
  detail?: { field: string; value: unknown; issue: string; location: 'body' | 'query' | 'path' };
  /** WeChat's numeric code for this exact failure, shown as the Request-ID suffix */
  numericCode?: number;
}
export type Outcome<T> = { ok: true; value: T } | PayFailure;

export const fail = (status: number, code: string, message: string, numericCode?: number): PayFailure => ({
  ok: false,
  status,
  code,
  message,
  numericCode,
});

export function paramError(
  field: string,
  value: unknown,
  issue: string,
  location: 'body' | 'query' | 'path' = 'body',
): PayFailure {
  return {
    ok: false,
    status: 400,
    code: 'PARAM_ERROR',
    message: `输入源"/${location}${field}"校验失败: ${issue}`,
    detail: { field, value, issue, location },
  };
}

export const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
export const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Key-order-insensitive equality: "same parameters" for re-entrant order and refund calls. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon(v[k])]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

/** https, ≤255, no query string; plain http only towards loopback, for local development. */
export function checkNotifyUrl(field: string, value: unknown): PayFailure | undefined {
  if (typeof value !== 'string' || !value) return paramError(field, value, 'notify_url 必填');
  if (value.length > 255) return paramError(field, value, '长度不能超过255');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return paramError(field, value, '不是合法的URL');
  }
  if (value.includes('?') || value.includes('#')) return paramError(field, value, 'notify_url 不能携带参数');
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return paramError(field, value, 'notify_url 必须为 https 地址');
  }
  return undefined;
}

export function checkAmount(field: string, value: unknown): PayFailure | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return paramError(field, value, '金额必须为不小于 1 的整数（单位：分）');
  }
  return undefined;
}

/** Only 1–3 byte UTF-8 characters are accepted (no emoji), at most `max` characters. */
export function checkText(field: string, value: unknown, max: number, required: boolean): PayFailure | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && !value)) return paramError(field, value, '必填且必须为字符串');
  if (value.length > max) return paramError(field, value, `长度不能超过${max}`);
  if (/[\uD800-\uDFFF]/.test(value)) return paramError(field, value, '不支持 4 字节 UTF-8 字符（如 emoji）');
  return undefined;
}

/** RFC 3339 with an explicit offset, e.g. 2018-06-08T10:34:56+08:00. */
export function parseRfc3339(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
