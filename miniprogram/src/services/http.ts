import { ClientErrorCode, ApiError } from '../utils/errors';

/** What wx.request can send: no PATCH (see request.ts for how partial updates travel). */
export type WireMethod = NonNullable<WechatMiniprogram.RequestOption['method']>;

export interface HttpResponse {
  statusCode: number;
  data: unknown;
}

/** wx.request as a promise. Resolves for every HTTP answer; rejects only when nothing came back. */
function once(
  url: string,
  method: WireMethod,
  data: object | undefined,
  header: Record<string, string>,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method,
      data,
      header,
      timeout: 15000,
      dataType: 'json',
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(new ApiError(0, ClientErrorCode.NETWORK_ERROR, err.errMsg)),
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request, retrying network failures (no answer at all) with a growing pause.
 * HTTP answers, errors included, are never retried here.
 */
export async function send(
  url: string,
  method: WireMethod,
  data: object | undefined,
  header: Record<string, string>,
  retries: number,
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(url, method, data, header);
    } catch (err) {
      if (attempt >= retries) throw err;
      await sleep(400 * 2 ** attempt);
    }
  }
}
