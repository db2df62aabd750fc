import { fetchText, TransportError } from '../http';

/**
 * A failed mini-program open-API call. `errcode` null means no usable answer (network, timeout,
 * non-JSON). `transient` says whether the same call may succeed later unchanged.
 */
export class WechatOpenApiError extends Error {
  readonly transient: boolean;
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'WechatOpenApiError';
    // -1 system busy, 45009/45011 frequency limits, 40001/42001 token trouble (after our one retry)
    this.transient = errcode === null || [-1, 45009, 45011, 40001, 42001].includes(errcode);
  }
}

/** errcodes meaning "this access_token is invalid or expired": refresh once and retry once. */
export const TOKEN_ERRCODES = new Set([40001, 42001]);

export interface StableTokenClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

/**
 * getStableAccessToken: POST /cgi-bin/stable_token {grant_type, appid, secret, force_refresh}.
 * Normal mode returns the same token while it is valid; force_refresh revokes the old one.
 * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-access-token/api_getstableaccesstoken.html
 * (spec §1.2 [MP-STABLE]).
 */
export class StableTokenClient {
  private readonly baseUrl: string;
  constructor(private readonly options: StableTokenClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async fetch(forceRefresh: boolean): Promise<{ accessToken: string; expiresIn: number }> {
    const body = await postJson(
      `${this.baseUrl}/cgi-bin/stable_token`,
      {
        grant_type: 'client_credential',
        appid: this.options.appId,
        secret: this.options.appSecret,
        force_refresh: forceRefresh,
      },
      this.options.timeoutMs ?? 5000,
      'stable_token',
    );
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new WechatOpenApiError(null, 'stable_token: answer without access_token/expires_in');
    }
    return { accessToken: body.access_token, expiresIn: body.expires_in };
  }
}

/** Where the open-API client gets its token, and how it reports one WeChat rejected. */
export interface AccessTokenSource {
  get(): Promise<string>;
  /** `rejected` is the token WeChat answered 40001/42001 for; a fresher one may already exist. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

async function postJson(
  url: string,
  payload: object,
  timeoutMs: number,
  name: string,
): Promise<Record<string, unknown> & { errcode?: number; errmsg?: string }> {
  let text: string;
  let status: number;
  try {
    ({ text, status } = await fetchText(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
      },
      timeoutMs,
    ));
  } catch (err) {
    if (err instanceof TransportError) throw new WechatOpenApiError(null, `${name}: ${err.message}`);
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object')
    throw new WechatOpenApiError(null, `${name}: non-JSON answer (HTTP ${status})`);
  const b = body as Record<string, unknown> & { errcode?: number; errmsg?: string };
  const errcode = typeof b.errcode === 'number' ? b.errcode : 0;
  if (errcode !== 0) throw new WechatOpenApiError(errcode, `${name}: errcode ${errcode} (${String(b.errmsg ?? '')})`);
  return b;
}

export interface OpenApiClientOptions {
  baseUrl: string;
  tokens: AccessTokenSource;
  timeoutMs?: number;
}

export interface ShippingItem {
  trackingNo?: string;
  /** WeChat's delivery id (get_delivery_list), e.g. 'SF', 'YTO' */
  expressCompany?: string;
  itemDesc: string;
  /** masked phone, required by WeChat for SF (顺丰) */
  receiverContact?: string;
}

export interface UploadShippingInfoRequest {
  transactionId: string;
  /** 1 express, 2 same-city, 3 virtual, 4 self-pickup */
  logisticsType: 1 | 2 | 3 | 4;
  shippingList: ShippingItem[];
  payerOpenid: string;
  /** RFC 3339; later uploads must carry a later time */
  uploadTime: string;
  /** several parcels: split delivery; `isAllDelivered` tells WeChat the last one went */
  isAllDelivered?: boolean;
}

export type ContentSuggest = 'pass' | 'review' | 'risky';

/** The mini-program's server-side open APIs we call, each with one token retry on 40001/42001. */
export class MiniProgramOpenApi {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  private async call(path: string, payload: object, name: string): Promise<Record<string, unknown>> {
    const token = await this.options.tokens.get();
    try {
      return await postJson(
        `${this.baseUrl}${path}?access_token=${encodeURIComponent(token)}`,
        payload,
        this.timeoutMs,
        name,
      );
    } catch (err) {
      if (!(err instanceof WechatOpenApiError) || err.errcode === null || !TOKEN_ERRCODES.has(err.errcode)) throw err;
      // The token was revoked (someone forced a refresh) or expired early: one fresh token, one retry.
      const fresh = await this.options.tokens.refreshAfterRejection(token);
      return postJson(
        `${this.baseUrl}${path}?access_token=${encodeURIComponent(fresh)}`,
        payload,
        this.timeoutMs,
        name,
      );
    }
  }

  /**
   * 发货信息录入 uploadShippingInfo, keyed by the WeChat Pay transaction id (order_number_type 2).
   * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/order_shipping/api_uploadshippinginfo
   * shipping_list is an array of 1–15 (a single object answers 47001); delivery_mode 1 unified,
   * 2 split (several parcels, with is_all_delivered).
   */
  async uploadShippingInfo(req: UploadShippingInfoRequest): Promise<void> {
    const split = req.shippingList.length > 1 || req.isAllDelivered === false;
    await this.call(
      '/wxa/sec/order/upload_shipping_info',
      {
        order_key: { order_number_type: 2, transaction_id: req.transactionId },
        logistics_type: req.logisticsType,
        delivery_mode: split ? 2 : 1,
        ...(split ? { is_all_delivered: req.isAllDelivered ?? true } : {}),
        shipping_list: req.shippingList.map((s) => ({
          ...(s.trackingNo ? { tracking_no: s.trackingNo } : {}),
          ...(s.expressCompany ? { express_company: s.expressCompany } : {}),
          item_desc: s.itemDesc,
          ...(s.receiverContact ? { contact: { receiver_contact: s.receiverContact } } : {}),
        })),
        upload_time: req.uploadTime,
        payer: { openid: req.payerOpenid },
      },
      'upload_shipping_info',
    );
  }

  /**
   * getPhoneNumber: POST /wxa/business/getuserphonenumber {code[, openid]} (spec §1.3 [MP-PHONE]).
   * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/user-info/phone-number/api_getphonenumber
   */
  async getPhoneNumber(
    code: string,
    appId: string,
  ): Promise<{ phoneNumber: string; purePhoneNumber: string; countryCode: string }> {
    const body = await this.call('/wxa/business/getuserphonenumber', { code }, 'getuserphonenumber');
    const info = body.phone_info as
      | { phoneNumber?: unknown; purePhoneNumber?: unknown; countryCode?: unknown; watermark?: { appid?: unknown } }
      | undefined;
    if (!info || typeof info.purePhoneNumber !== 'string' || typeof info.phoneNumber !== 'string') {
      throw new WechatOpenApiError(null, 'getuserphonenumber: answer without phone_info');
    }
    // The watermark says which mini-program the number was released to; it must be ours.
    if (info.watermark?.appid !== appId)
      throw new WechatOpenApiError(null, 'getuserphonenumber: watermark appid mismatch');
    return {
      phoneNumber: info.phoneNumber,
      purePhoneNumber: info.purePhoneNumber,
      countryCode: String(info.countryCode ?? ''),
    };
  }

  /**
   * msgSecCheck v2: POST /wxa/msg_sec_check {version:2, openid, scene, content, title?, nickname?}.
   * Source: https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/sec-check/security.msgSecCheck.html
   * result.suggest is pass | review | risky; result.label 100 means normal.
   */
  async msgSecCheck(input: {
    openid: string;
    scene: number;
    content: string;
    title?: string;
    nickname?: string;
  }): Promise<{ suggest: ContentSuggest; label: number; traceId: string }> {
    const body = await this.call(
      '/wxa/msg_sec_check',
      {
        version: 2,
        openid: input.openid,
        scene: input.scene,
        content: input.content,
        ...(input.title ? { title: input.title } : {}),
        ...(input.nickname ? { nickname: input.nickname } : {}),
      },
      'msg_sec_check',
    );
    const result = body.result as { suggest?: unknown; label?: unknown } | undefined;
    const suggest = result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') {
      throw new WechatOpenApiError(null, 'msg_sec_check: answer without result.suggest');
    }
    return { suggest, label: Number(result?.label ?? 0), traceId: String(body.trace_id ?? '') };
  }

  /**
   * mediaCheckAsync v2: POST /wxa/media_check_async {media_url, media_type (2 image), version 2,
   * scene, openid} → trace_id; the verdict arrives as the wxa_media_check push.
   * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html
   */
  async mediaCheckAsync(input: { openid: string; scene: number; mediaUrl: string }): Promise<{ traceId: string }> {
    const body = await this.call(
      '/wxa/media_check_async',
      { media_url: input.mediaUrl, media_type: 2, version: 2, scene: input.scene, openid: input.openid },
      'media_check_async',
    );
    if (typeof body.trace_id !== 'string')
      throw new WechatOpenApiError(null, 'media_check_async: answer without trace_id');
    return { traceId: body.trace_id };
  }

  /**
   * sendMessage (subscribe): POST /cgi-bin/message/subscribe/send {touser, template_id, page, data,
   * miniprogram_state, lang}. errcode 43101 = the user refused or has no quota left for it.
   * Source: https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-message-management/subscribe-message/api_sendmessage.html
   */
  async sendSubscribeMessage(input: {
    openid: string;
    templateId: string;
    page?: string;
    data: Record<string, string>;
    state?: 'developer' | 'trial' | 'formal';
  }): Promise<void> {
    await this.call(
      '/cgi-bin/message/subscribe/send',
      {
        touser: input.openid,
        template_id: input.templateId,
        ...(input.page ? { page: input.page } : {}),
        data: Object.fromEntries(Object.entries(input.data).map(([k, v]) => [k, { value: v }])),
        miniprogram_state: input.state ?? 'formal',
        lang: 'zh_CN',
      },
      'subscribe_send',
    );
  }
}
