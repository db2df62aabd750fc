// GENERATED — do not edit. Source: libs/contracts/src/errors.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
/**
 * Stable error codes. Clients (the mini-program, operators' scripts) branch on these,
 * never on messages, so a code is never renamed once released.
 */
export const ErrorCode = {
  // generic
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  /** the HTTP request itself could not be parsed: request line, raw non-ASCII URL, bad escapes */
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  URL_TOO_LONG: 'URL_TOO_LONG',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  HEALTH_CHECK_FAILED: 'HEALTH_CHECK_FAILED',
  // auth
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_LOGIN_CODE: 'INVALID_LOGIN_CODE',
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  WECHAT_LOGIN_BLOCKED: 'WECHAT_LOGIN_BLOCKED',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  // catalog
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  CATEGORY_NOT_EMPTY: 'CATEGORY_NOT_EMPTY',
  CATEGORY_TOO_DEEP: 'CATEGORY_TOO_DEEP',
  PRODUCT_NOT_FOUND: 'PRODUCT_NOT_FOUND',
  SKU_NOT_FOUND: 'SKU_NOT_FOUND',
  SKU_SPEC_MISMATCH: 'SKU_SPEC_MISMATCH',
  STOCK_WOULD_BE_NEGATIVE: 'STOCK_WOULD_BE_NEGATIVE',
  // cart / address
  CART_ITEM_NOT_FOUND: 'CART_ITEM_NOT_FOUND',
  CART_FULL: 'CART_FULL',
  ADDRESS_NOT_FOUND: 'ADDRESS_NOT_FOUND',
  ADDRESS_LIMIT_REACHED: 'ADDRESS_LIMIT_REACHED',
  // orders
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  PRODUCT_UNAVAILABLE: 'PRODUCT_UNAVAILABLE',
  EMPTY_ORDER: 'EMPTY_ORDER',
  ILLEGAL_ORDER_STATE: 'ILLEGAL_ORDER_STATE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** one SKU over its per-order purchase limit (ORDER_MAX_UNITS_PER_SKU or the SKU's own limit) */
  PURCHASE_LIMIT_EXCEEDED: 'PURCHASE_LIMIT_EXCEEDED',
  /** too many lines or units in one order */
  ORDER_TOO_LARGE: 'ORDER_TOO_LARGE',
  /** payable amount above ORDER_MAX_PAYABLE_FEN (WeChat Pay takes at most int32 fen) */
  ORDER_AMOUNT_TOO_LARGE: 'ORDER_AMOUNT_TOO_LARGE',
  /** the shopper already holds too many unpaid orders or units in them */
  TOO_MANY_UNPAID_ORDERS: 'TOO_MANY_UNPAID_ORDERS',
  UNPAID_UNITS_LIMIT: 'UNPAID_UNITS_LIMIT',
  // payment
  ORDER_NOT_PAYABLE: 'ORDER_NOT_PAYABLE',
  /** cancel raced a prepay that kept starting; retry */
  ORDER_PAYMENT_IN_PROGRESS: 'ORDER_PAYMENT_IN_PROGRESS',
  PAYMENT_PROVIDER_ERROR: 'PAYMENT_PROVIDER_ERROR',
  REFUND_NOT_ALLOWED: 'REFUND_NOT_ALLOWED',
  // logistics
  CARRIER_NOT_SUPPORTED: 'CARRIER_NOT_SUPPORTED',
  TRACKING_UNAVAILABLE: 'TRACKING_UNAVAILABLE',
  TRACKING_PROVIDER_ERROR: 'TRACKING_PROVIDER_ERROR',
  NOT_SHIPPED: 'NOT_SHIPPED',
  // WeChat platform (message push, content security, phone number)
  WECHAT_PUSH_REJECTED: 'WECHAT_PUSH_REJECTED',
  CONTENT_RISKY: 'CONTENT_RISKY',
  /** (before content reviews were queued) text WeChat wanted a person to check was refused; no longer answered */
  CONTENT_UNDER_REVIEW: 'CONTENT_UNDER_REVIEW',
  /** an operator decided a content review that was already decided otherwise (or withdrawn) */
  CONTENT_REVIEW_DECIDED: 'CONTENT_REVIEW_DECIDED',
  PHONE_CODE_INVALID: 'PHONE_CODE_INVALID',
  // media
  MEDIA_TYPE_NOT_ALLOWED: 'MEDIA_TYPE_NOT_ALLOWED',
  MEDIA_TOO_LARGE: 'MEDIA_TOO_LARGE',
  MEDIA_TOO_MANY_FILES: 'MEDIA_TOO_MANY_FILES',
  MEDIA_TOO_MANY_PIXELS: 'MEDIA_TOO_MANY_PIXELS',
  MEDIA_UNREADABLE: 'MEDIA_UNREADABLE',
  MEDIA_NO_FILE: 'MEDIA_NO_FILE',
  MEDIA_QUOTA_EXCEEDED: 'MEDIA_QUOTA_EXCEEDED',
  MEDIA_NOT_FOUND: 'MEDIA_NOT_FOUND',
  MEDIA_IN_USE: 'MEDIA_IN_USE',
  MEDIA_NOT_USABLE: 'MEDIA_NOT_USABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  /** dotted path of the offending field, e.g. `items.0.quantity` */
  field: string;
  message: string;
}

/** The one error body every endpoint answers with. */
export interface ErrorResponse {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  requestId?: string;
  errors?: FieldError[];
  /** Facts a client can act on, named per code (e.g. `skuId` with OUT_OF_STOCK). */
  [detail: string]: unknown;
}
