import { createApiClient } from '@sutwxapp/api-client';
import { forgetStoredListQuery } from '../stores/orders';

/** The token lives in sessionStorage: a closed tab ends the session on this machine. */
export const TOKEN_KEY = 'sutwxapp.admin.token';

/** One typed client for the whole console: same origin (the API serves /admin), bearer token per call. */
export const api = createApiClient({
  baseUrl: window.location.origin,
  token: () => sessionStorage.getItem(TOKEN_KEY) ?? undefined,
});

interface ApiErrorBody {
  code?: string;
  message?: string;
}

/** The API's own message, shown as it is; a network failure says so. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const body = error as ApiErrorBody;
    if (body.message) return body.code ? `${body.message}（${body.code}）` : body.message;
  }
  if (error instanceof Error) return `网络错误：${error.message}`;
  return '请求失败，请稍后重试';
}

/** Unwraps a generated-client answer: the data, or a thrown Error carrying the API's message. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (response?.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    forgetStoredListQuery();
    if (!window.location.pathname.endsWith('/login')) window.location.assign('/admin/login');
  }
  if (error !== undefined || (response && !response.ok)) throw new ApiError(errorMessage(error), response?.status ?? 0);
  return data as T;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
