import { ERROR_TABLE, ErrorCode } from '@sutwxapp/contracts';

export type WechatApiErrorKind = 'INVALID_CODE' | 'RATE_LIMITED' | 'BLOCKED' | 'UNAVAILABLE' | 'CONFIG';

export interface WechatErrcodeMapping {
  kind: WechatApiErrorKind;
  /** The HTTP status our API answers the shopper with: the code's row in ERROR_TABLE. */
  httpStatus: number;
  code: ErrorCode;
}

/**
 * Maps a code2Session errcode (never 0) to what our API tells the shopper.
 * Bad appid/secret is our misconfiguration, not the shopper's fault: it answers 503 like an
 * outage, and `kind: 'CONFIG'` lets the caller log it loudly.
 */
export function mapCode2SessionErrcode(errcode: number | null): WechatErrcodeMapping {
  switch (errcode) {
    case 40029: // invalid code
    case 40163: // code already used (codes are single-use, ~5 min)
      return mapping('INVALID_CODE', ErrorCode.INVALID_LOGIN_CODE);
    case 45011: // 100 calls per user per minute
      return mapping('RATE_LIMITED', ErrorCode.WECHAT_RATE_LIMITED);
    case 40226: // high-risk user, login blocked by WeChat
      return mapping('BLOCKED', ErrorCode.WECHAT_LOGIN_BLOCKED);
    case 40013: // invalid appid
    case 40125: // invalid appsecret
      return mapping('CONFIG', ErrorCode.WECHAT_UNAVAILABLE);
    default: // -1 (busy, after our retry), transport failures (null), anything unknown
      return mapping('UNAVAILABLE', ErrorCode.WECHAT_UNAVAILABLE);
  }
}

function mapping(kind: WechatApiErrorKind, code: ErrorCode): WechatErrcodeMapping {
  return { kind, httpStatus: ERROR_TABLE[code].status, code };
}

/** A failed WeChat open-API call. The message never contains session_key or appsecret. */
export class WechatApiError extends Error {
  readonly kind: WechatApiErrorKind;
  readonly httpStatus: number;
  readonly code: ErrorCode;

  constructor(
    /** WeChat's errcode, or null when there was no usable answer (network, timeout, non-JSON). */
    readonly errcode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'WechatApiError';
    const mapped = mapCode2SessionErrcode(errcode);
    this.kind = mapped.kind;
    this.httpStatus = mapped.httpStatus;
    this.code = mapped.code;
  }
}
