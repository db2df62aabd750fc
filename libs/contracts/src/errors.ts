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
  /** a home-page banner (merchant console) */
  BANNER_NOT_FOUND: 'BANNER_NOT_FOUND',
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
  /** the parcels' pieces don't add up to the order's lines (each line's quantity, each parcel ≥ 1 piece) */
  PARCEL_ITEMS_MISMATCH: 'PARCEL_ITEMS_MISMATCH',
  // the merchant console
  /** an export would hold more rows than ORDER_EXPORT_MAX_ROWS: narrow the filters */
  EXPORT_TOO_LARGE: 'EXPORT_TOO_LARGE',
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
  // promotions (coupons, points, check-in) and after-sale
  COUPON_NOT_FOUND: 'COUPON_NOT_FOUND',
  COUPON_SOLD_OUT: 'COUPON_SOLD_OUT',
  COUPON_LIMIT_REACHED: 'COUPON_LIMIT_REACHED',
  COUPON_NOT_ISSUING: 'COUPON_NOT_ISSUING',
  COUPON_NOT_USABLE: 'COUPON_NOT_USABLE',
  COUPON_TEMPLATE_IN_USE: 'COUPON_TEMPLATE_IN_USE',
  POINTS_INSUFFICIENT: 'POINTS_INSUFFICIENT',
  POINTS_OVER_CAP: 'POINTS_OVER_CAP',
  ALREADY_CHECKED_IN: 'ALREADY_CHECKED_IN',
  AFTERSALE_NOT_FOUND: 'AFTERSALE_NOT_FOUND',
  AFTERSALE_NOT_ALLOWED: 'AFTERSALE_NOT_ALLOWED',
  AFTERSALE_ALREADY_OPEN: 'AFTERSALE_ALREADY_OPEN',
  ILLEGAL_AFTERSALE_STATE: 'ILLEGAL_AFTERSALE_STATE',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  // favourites and reviews
  FAVOURITES_LIMIT_REACHED: 'FAVOURITES_LIMIT_REACHED',
  ORDER_ITEM_NOT_FOUND: 'ORDER_ITEM_NOT_FOUND',
  REVIEW_NOT_FOUND: 'REVIEW_NOT_FOUND',
  REVIEW_ORDER_NOT_COMPLETED: 'REVIEW_ORDER_NOT_COMPLETED',
  REVIEW_ALREADY_EXISTS: 'REVIEW_ALREADY_EXISTS',
  REVIEW_WINDOW_CLOSED: 'REVIEW_WINDOW_CLOSED',
  REVIEW_ALREADY_REPLIED: 'REVIEW_ALREADY_REPLIED',
  REVIEW_STATE_CONFLICT: 'REVIEW_STATE_CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A row of ERROR_TABLE. */
interface ErrorRow {
  /** the HTTP status the code is answered with */
  readonly status: number;
  /** the message when the place that raises it has nothing more specific to say */
  readonly message: string;
  /** the few other statuses the code is answered with, each with the reason */
  readonly also?: { readonly [status: number]: string };
}

/** One row per code… */
type Rows = { readonly [C in ErrorCode]: ErrorRow };
/** …and no other. */
type NoOtherRows<T> = { readonly [K in Exclude<keyof T, ErrorCode>]: never };

/**
 * Every code's HTTP status and default message: the API builds each error from its row
 * (`Errors.<CODE>(…)` in apps/api/src/common/errors/app-error.ts), so a code is answered with the
 * same status everywhere. A new code does not compile until it has a row here, nor the
 * mini-program until its message table (miniprogram/src/utils/errors.ts) has one too.
 *
 * Checked by an inline function rather than `satisfies` (older mini-program compilers may not know
 * it), which keeps the rows' literal types: the API's factories read `also` from them.
 */
export const ERROR_TABLE = (<T extends Rows>(rows: T & NoOtherRows<T>): T => rows)({
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid; check the fields named in errors' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  MALFORMED_REQUEST: { status: 400, message: 'The HTTP request could not be parsed' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The URL and headers together are too large' },
  URL_TOO_LONG: { status: 414, message: 'The URL is too long' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive completely in time; send it again' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported Content-Type; send application/json' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than the server accepts' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed on this path' },
  CONFLICT: { status: 409, message: 'The data changed in the meantime; reload and try again' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'A backing service is temporarily unavailable; please retry shortly' },
  INTERNAL_ERROR: { status: 500, message: 'Internal error; quote the request id when reporting it' },
  HEALTH_CHECK_FAILED: { status: 503, message: 'unhealthy' },
  UNAUTHORIZED: { status: 401, message: 'Sign in first' },
  TOKEN_EXPIRED: { status: 401, message: 'Your session has expired; sign in again' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  INVALID_LOGIN_CODE: { status: 401, message: 'The WeChat login code is invalid or used; call wx.login again' },
  WECHAT_RATE_LIMITED: { status: 429, message: 'Too many WeChat logins; try again in a minute' },
  WECHAT_LOGIN_BLOCKED: { status: 403, message: 'WeChat refuses logins from this account for now' },
  WECHAT_UNAVAILABLE: { status: 503, message: 'WeChat is unavailable right now; please retry' },
  INVALID_CREDENTIALS: {
    status: 401,
    message: 'Wrong username or password',
    also: { 400: 'the current password is wrong when changing it: a 401 would sign the operator out' },
  },
  CATEGORY_NOT_FOUND: {
    status: 404,
    message: 'Category not found',
    also: { 400: 'a field of the request body (categoryId, parentId) names no category' },
  },
  CATEGORY_NOT_EMPTY: { status: 409, message: 'The category still has subcategories or products; move them first' },
  CATEGORY_TOO_DEEP: { status: 400, message: 'Categories have two levels' },
  PRODUCT_NOT_FOUND: { status: 404, message: 'Product not found' },
  SKU_NOT_FOUND: { status: 404, message: 'SKU not found' },
  BANNER_NOT_FOUND: { status: 404, message: 'Banner not found' },
  SKU_SPEC_MISMATCH: { status: 400, message: 'The SKU specs do not fit the product’s spec axes' },
  STOCK_WOULD_BE_NEGATIVE: { status: 409, message: 'The change would take the stock below zero' },
  CART_ITEM_NOT_FOUND: { status: 404, message: 'Cart item not found' },
  CART_FULL: { status: 409, message: 'The cart is full; remove something first' },
  ADDRESS_NOT_FOUND: { status: 404, message: 'Address not found' },
  ADDRESS_LIMIT_REACHED: { status: 409, message: 'The address book is full; delete an address first' },
  ORDER_NOT_FOUND: { status: 404, message: 'Order not found' },
  OUT_OF_STOCK: { status: 409, message: 'Not enough in stock' },
  PRODUCT_UNAVAILABLE: { status: 409, message: 'The product is no longer on sale' },
  EMPTY_ORDER: { status: 400, message: 'Select at least one item to order' },
  ILLEGAL_ORDER_STATE: { status: 409, message: 'The order’s status does not allow this' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: 'This Idempotency-Key was already used for a different order' },
  PURCHASE_LIMIT_EXCEEDED: { status: 400, message: 'Over the purchase limit of a product' },
  ORDER_TOO_LARGE: { status: 400, message: 'Too many items in one order; please split it' },
  ORDER_AMOUNT_TOO_LARGE: { status: 400, message: 'The order comes to more than one payment takes; please split it' },
  TOO_MANY_UNPAID_ORDERS: { status: 409, message: 'Too many unpaid orders; pay or cancel one first' },
  UNPAID_UNITS_LIMIT: { status: 409, message: 'Your unpaid orders hold too many pieces; pay or cancel one first' },
  ORDER_NOT_PAYABLE: { status: 409, message: 'This order can no longer be paid' },
  ORDER_PAYMENT_IN_PROGRESS: {
    status: 409,
    message: 'A payment for this order is being started; try again in a moment',
  },
  PAYMENT_PROVIDER_ERROR: { status: 503, message: 'WeChat Pay is unavailable right now; please retry' },
  REFUND_NOT_ALLOWED: { status: 409, message: 'This order cannot be refunded' },
  CARRIER_NOT_SUPPORTED: { status: 400, message: 'This carrier is not supported (GET /logistics/carriers)' },
  PARCEL_ITEMS_MISMATCH: { status: 400, message: 'The parcels’ items do not add up to the order’s lines' },
  EXPORT_TOO_LARGE: {
    status: 400,
    message: 'Too many rows to export at once; narrow the filters (e.g. the date range)',
  },
  TRACKING_UNAVAILABLE: { status: 503, message: 'Parcel tracking is unavailable right now; try again later' },
  TRACKING_PROVIDER_ERROR: { status: 502, message: 'The tracking provider could not answer; try again later' },
  NOT_SHIPPED: { status: 409, message: 'Not shipped yet' },
  WECHAT_PUSH_REJECTED: {
    status: 401,
    message: 'The push failed its signature check',
    also: { 400: 'not a safe-mode JSON push', 409: 'a push already received (a replay)' },
  },
  CONTENT_RISKY: { status: 422, message: 'The text was refused by content security; change it and try again' },
  CONTENT_UNDER_REVIEW: { status: 409, message: 'The text needs a person to check it; change it or try later' },
  CONTENT_REVIEW_DECIDED: { status: 409, message: 'This content review was already decided' },
  PHONE_CODE_INVALID: { status: 400, message: 'The phone-number code is invalid or used; tap the button again' },
  MEDIA_TYPE_NOT_ALLOWED: { status: 415, message: 'Only JPEG, PNG, WebP and GIF images are accepted' },
  MEDIA_TOO_LARGE: { status: 413, message: 'The image is too large; compress it first' },
  MEDIA_TOO_MANY_FILES: { status: 413, message: 'Too many images in one request' },
  MEDIA_TOO_MANY_PIXELS: { status: 413, message: 'The image has too many pixels; scale it down first' },
  MEDIA_UNREADABLE: { status: 400, message: 'The file could not be read as an image; send it again' },
  MEDIA_NO_FILE: { status: 400, message: 'No file in the upload: send the image in a "file" field' },
  MEDIA_QUOTA_EXCEEDED: { status: 429, message: 'The daily upload quota is used up; try again tomorrow' },
  MEDIA_NOT_FOUND: { status: 404, message: 'Image not found' },
  MEDIA_IN_USE: { status: 409, message: 'The image is in use; remove it there first' },
  MEDIA_NOT_USABLE: { status: 400, message: 'The image cannot be used here; upload it first' },
  COUPON_NOT_FOUND: { status: 404, message: 'This coupon does not exist' },
  COUPON_SOLD_OUT: { status: 409, message: 'The coupon has all been claimed' },
  COUPON_LIMIT_REACHED: { status: 409, message: 'You already hold as many of this coupon as allowed' },
  COUPON_NOT_ISSUING: { status: 409, message: 'The coupon is no longer being issued' },
  COUPON_TEMPLATE_IN_USE: {
    status: 409,
    message: 'Shoppers have claimed this coupon; only its name, quantity and per-person limit can change',
  },
  COUPON_NOT_USABLE: { status: 409, message: 'This coupon can’t be used on this order' },
  POINTS_INSUFFICIENT: { status: 409, message: 'Not enough points' },
  POINTS_OVER_CAP: { status: 400, message: 'This order accepts fewer points' },
  ALREADY_CHECKED_IN: { status: 409, message: 'You have already checked in today; come back tomorrow' },
  AFTERSALE_NOT_FOUND: { status: 404, message: 'After-sale request not found' },
  AFTERSALE_NOT_ALLOWED: { status: 409, message: 'This takes no after-sale request' },
  AFTERSALE_ALREADY_OPEN: { status: 409, message: 'This line already has an open after-sale request' },
  ILLEGAL_AFTERSALE_STATE: { status: 409, message: 'The after-sale request’s status does not allow this' },
  REFUND_EXCEEDS_PAID: { status: 409, message: 'The refund would exceed what was paid' },
  FAVOURITES_LIMIT_REACHED: { status: 409, message: '收藏已达上限，请先取消一些收藏再添加' },
  ORDER_ITEM_NOT_FOUND: { status: 404, message: 'Order item not found' },
  REVIEW_NOT_FOUND: { status: 404, message: 'Review not found' },
  REVIEW_ORDER_NOT_COMPLETED: { status: 409, message: '订单确认收货后才能评价' },
  REVIEW_ALREADY_EXISTS: { status: 409, message: '这件商品已经评价过了' },
  REVIEW_WINDOW_CLOSED: { status: 409, message: '已超过评价期限' },
  REVIEW_ALREADY_REPLIED: { status: 409, message: '这条评价已经回复过了（每条评价只能回复一次）' },
  REVIEW_STATE_CONFLICT: { status: 409, message: '评价状态刚刚被修改，请刷新后重试' },
} as const);

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
