/** A non-2xx answer from WeChat Pay, or no answer at all (httpStatus 0, code 'NETWORK_ERROR'). */
export class WechatPayApiError extends Error {
  constructor(
    readonly httpStatus: number,
    /** WeChat's code, e.g. 'ORDER_PAID', 'ORDER_NOT_EXIST', 'SIGN_ERROR', 'PARAM_ERROR' */
    readonly code: string,
    message: string,
    /** log it: the suffix after its last '-' is WeChat's numeric error code */
    readonly requestId?: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'WechatPayApiError';
  }
}

export type SignatureFailureReason =
  | 'missing_headers'
  | 'unsupported_signature_type'
  | 'signtest_probe'
  | 'stale_timestamp'
  | 'unknown_serial'
  | 'bad_signature';

/** A 2xx response whose Wechatpay-* signature did not check out: treat it as forged. */
export class WechatPayVerificationError extends Error {
  constructor(
    readonly reason: SignatureFailureReason,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'WechatPayVerificationError';
  }
}

export type NotificationFailureReason =
  SignatureFailureReason | 'malformed' | 'decrypt_failed' | 'mchid_mismatch' | 'appid_mismatch';

/** A notification that must be answered 4xx/5xx (so WeChat retries, or a forgery is refused). */
export class WechatPayNotificationError extends Error {
  constructor(
    readonly reason: NotificationFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'WechatPayNotificationError';
  }
}
