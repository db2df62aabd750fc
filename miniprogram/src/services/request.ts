import type { ErrorResponse } from '../contracts/errors';
import { ApiError } from '../utils/errors';
import { showLoading, toast } from '../utils/feedback';
import { withQuery, type QueryValue } from '../utils/query';
import { apiRoot } from './env';
import { send, type HttpResponse, type WireMethod } from './http';
import { clearSession, currentToken, login } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  data?: object;
  headers?: Record<string, string>;
  /** send the shopper's token, logging in first when there is none (default true) */
  auth?: boolean;
  /**
   * Toast the error for the shopper. Default: on for writes; off for reads, whose pages show an
   * error state with a retry button instead.
   */
  toast?: boolean;
  /** loading toast text (with a mask) while the request runs (utils/feedback showLoading) */
  loading?: string;
  /**
   * Retries after a network failure (no answer at all). Default 2 for GET, 0 for writes: only a
   * write the API deduplicates (an order carrying an Idempotency-Key) may opt in.
   */
  retries?: number;
}

function headersFor(token: string | null, extra: Record<string, string>): Record<string, string> {
  const header: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (token) header.Authorization = `Bearer ${token}`;
  return header;
}

/**
 * wx.request knows no PATCH: partial updates travel as POST with X-HTTP-Method-Override, which
 * the API turns back into PATCH before routing.
 */
function wireMethod(method: HttpMethod): { method: WireMethod; override?: Record<string, string> } {
  return method === 'PATCH' ? { method: 'POST', override: { 'X-HTTP-Method-Override': 'PATCH' } } : { method };
}

/**
 * Runs a call with the shopper's token, logging in first when there is none. On 401 (the token
 * expired or the signing secret changed) it logs in again, silently, and replays once; a second
 * 401 is an answer, not a reason to loop. wx.request and wx.uploadFile both go through here.
 */
export async function withSession(call: (token: string) => Promise<HttpResponse>): Promise<HttpResponse> {
  const res = await call(currentToken() ?? (await login()));
  if (res.statusCode !== 401) return res;
  clearSession();
  return call(await login());
}

export function errorFrom(res: HttpResponse): ApiError {
  const body = (res.data ?? {}) as Partial<ErrorResponse>;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${res.statusCode}`;
  return new ApiError(res.statusCode, code, typeof body.message === 'string' ? body.message : '', body.requestId);
}

async function perform<T>(path: string, options: RequestOptions, method: HttpMethod): Promise<T> {
  const auth = options.auth ?? true;
  const url = `${apiRoot()}${withQuery(path, options.query ?? {})}`;
  const wire = wireMethod(method);
  const retries = options.retries ?? (method === 'GET' ? 2 : 0);
  const headers = { ...options.headers, ...wire.override };
  const data = method === 'GET' ? undefined : (options.data ?? {});

  const res = auth
    ? await withSession((token) => send(url, wire.method, data, headersFor(token, headers), retries))
    : await send(url, wire.method, data, headersFor(null, headers), retries);
  if (res.statusCode >= 200 && res.statusCode < 300) return (res.statusCode === 204 ? undefined : res.data) as T;
  throw errorFrom(res);
}

/** The one way pages reach the API: typed result, or an ApiError whose message is for the shopper. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const showError = options.toast ?? method !== 'GET';
  const hideLoading = options.loading ? showLoading(options.loading) : null;
  let failure: ApiError | null = null;
  try {
    return await perform<T>(path, options, method);
  } catch (err) {
    failure = err instanceof ApiError ? err : new ApiError(0, 'CLIENT_ERROR', String(err));
    throw failure;
  } finally {
    // the loading toast and an error toast share one node (and wx.hideLoading also closes a
    // toast), so the loading goes first
    hideLoading?.();
    // utils/feedback draws it in the page on top (its t-toast), or with wx.showToast when that
    // page has none: the request layer has no page of its own.
    if (failure && showError) toast(failure.message, undefined, 2500);
  }
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'data'> = {}) => request<T>(path, options),
  post: <T>(path: string, data?: object, options: Omit<RequestOptions, 'method' | 'data'> = {}) =>
    request<T>(path, { ...options, method: 'POST', data }),
  patch: <T>(path: string, data: object, options: Omit<RequestOptions, 'method' | 'data'> = {}) =>
    request<T>(path, { ...options, method: 'PATCH', data }),
  put: <T>(path: string, data?: object, options: Omit<RequestOptions, 'method' | 'data'> = {}) =>
    request<T>(path, { ...options, method: 'PUT', data }),
  del: <T = void>(path: string, options: Omit<RequestOptions, 'method' | 'data'> = {}) =>
    request<T>(path, { ...options, method: 'DELETE' }),
};
