import { ErrorCode } from '../contracts/errors';

/** Codes the mini-program makes up itself, for failures that never reached the API. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  LOGIN_FAILED: 'LOGIN_FAILED',
} as const;

/**
 * What the shopper reads for each stable API error code. Typed as a complete record, so a code
 * added to libs/contracts fails the mini-program's typecheck until it has a message here.
 */
const MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的信息有误，请检查后重试',
  MALFORMED_JSON: '请求格式有误，请重试',
  MALFORMED_REQUEST: '请求格式有误，请重试',
  HEADERS_TOO_LARGE: '请求内容过多，请重试',
  URL_TOO_LONG: '请求内容过多，请重试',
  REQUEST_TIMEOUT: '网络不给力，请重试',
  UNSUPPORTED_MEDIA_TYPE: '请求格式有误，请重试',
  PAYLOAD_TOO_LARGE: '提交的内容过多',
  NOT_FOUND: '内容不存在或已删除',
  ROUTE_NOT_FOUND: '当前版本暂不支持该功能',
  METHOD_NOT_ALLOWED: '当前版本暂不支持该功能',
  CONFLICT: '数据已变化，请刷新后重试',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  SERVICE_UNAVAILABLE: '服务繁忙，请稍后再试',
  INTERNAL_ERROR: '服务开小差了，请稍后再试',
  HEALTH_CHECK_FAILED: '服务繁忙，请稍后再试',
  UNAUTHORIZED: '登录已失效，请重试',
  TOKEN_EXPIRED: '登录已失效，请重试',
  FORBIDDEN: '没有权限进行此操作',
  INVALID_LOGIN_CODE: '微信登录失败，请重试',
  WECHAT_RATE_LIMITED: '登录太频繁，请稍后再试',
  WECHAT_LOGIN_BLOCKED: '该微信账号暂时无法登录',
  WECHAT_UNAVAILABLE: '微信服务繁忙，请稍后再试',
  INVALID_CREDENTIALS: '账号或密码错误',
  CATEGORY_NOT_FOUND: '分类不存在',
  CATEGORY_NOT_EMPTY: '分类下还有商品',
  CATEGORY_TOO_DEEP: '分类层级过深',
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
  SKU_NOT_FOUND: '该规格已下架',
  SKU_SPEC_MISMATCH: '商品规格有误',
  STOCK_WOULD_BE_NEGATIVE: '库存不足',
  CART_ITEM_NOT_FOUND: '购物车商品已失效，请刷新',
  CART_FULL: '购物车已满，请先清理',
  ADDRESS_NOT_FOUND: '收货地址不存在',
  ADDRESS_LIMIT_REACHED: '收货地址已达上限',
  ORDER_NOT_FOUND: '订单不存在',
  OUT_OF_STOCK: '库存不足，请调整购买数量',
  PRODUCT_UNAVAILABLE: '部分商品已下架或失效',
  EMPTY_ORDER: '请先选择要结算的商品',
  ILLEGAL_ORDER_STATE: '订单状态已变化，请刷新',
  IDEMPOTENCY_KEY_REUSED: '订单信息已变化，请重新提交',
  PURCHASE_LIMIT_EXCEEDED: '超出该商品的限购数量',
  ORDER_TOO_LARGE: '单笔订单商品过多，请分开下单',
  ORDER_AMOUNT_TOO_LARGE: '订单金额超出单笔支付上限，请分开下单',
  TOO_MANY_UNPAID_ORDERS: '待支付订单过多，请先支付或取消',
  UNPAID_UNITS_LIMIT: '待支付订单中的商品过多，请先支付或取消',
  ORDER_NOT_PAYABLE: '订单已无法支付',
  ORDER_PAYMENT_IN_PROGRESS: '订单正在发起支付，请稍后再试',
  PAYMENT_PROVIDER_ERROR: '支付服务繁忙，请稍后再试',
  REFUND_NOT_ALLOWED: '该订单暂不支持退款',
  CARRIER_NOT_SUPPORTED: '暂不支持该快递公司',
  TRACKING_UNAVAILABLE: '暂无物流信息',
  TRACKING_PROVIDER_ERROR: '物流查询繁忙，请稍后再试',
  NOT_SHIPPED: '订单尚未发货',
  // operator-only codes: the mini-program never meets them
  PARCEL_ITEMS_MISMATCH: '包裹商品与订单不符',
  EXPORT_TOO_LARGE: '导出的订单太多，请缩小筛选范围',
  BANNER_NOT_FOUND: '轮播图不存在或已删除',
  WECHAT_PUSH_REJECTED: '微信服务繁忙，请稍后再试',
  CONTENT_RISKY: '内容含有不适宜展示的信息，请修改后再试',
  CONTENT_UNDER_REVIEW: '内容需要人工审核，请稍后再试或修改',
  CONTENT_REVIEW_DECIDED: '该内容已审核过，请刷新后查看',
  PHONE_CODE_INVALID: '获取手机号失败，请重新点击授权',
  MEDIA_TYPE_NOT_ALLOWED: '仅支持 JPG、PNG、WebP、GIF 图片',
  MEDIA_TOO_LARGE: '图片太大，请压缩后再上传',
  MEDIA_TOO_MANY_FILES: '一次上传的图片太多',
  MEDIA_TOO_MANY_PIXELS: '图片尺寸过大，请缩小后再上传',
  MEDIA_UNREADABLE: '图片已损坏，请重新选择',
  MEDIA_NO_FILE: '请选择要上传的图片',
  MEDIA_QUOTA_EXCEEDED: '今日上传次数已达上限，请明天再试',
  MEDIA_NOT_FOUND: '图片不存在或已删除',
  MEDIA_IN_USE: '图片正在使用中，无法删除',
  MEDIA_NOT_USABLE: '该图片无法使用',
  COUPON_NOT_FOUND: '优惠券不存在或已下架',
  COUPON_SOLD_OUT: '优惠券已抢光',
  COUPON_LIMIT_REACHED: '您已领过该券，去看看其他优惠吧',
  COUPON_NOT_ISSUING: '该优惠券已停止发放',
  COUPON_NOT_USABLE: '该优惠券不能用于本订单，请重新选择',
  COUPON_TEMPLATE_IN_USE: '优惠券已有人领取，不能再修改规则',
  POINTS_INSUFFICIENT: '积分不足，请减少使用的积分',
  POINTS_OVER_CAP: '本单可用积分超出上限，请减少使用的积分',
  ALREADY_CHECKED_IN: '今天已经签到过了，明天再来',
  AFTERSALE_NOT_FOUND: '售后申请不存在',
  AFTERSALE_NOT_ALLOWED: '该商品暂不能申请售后',
  AFTERSALE_ALREADY_OPEN: '该商品已有进行中的售后申请',
  ILLEGAL_AFTERSALE_STATE: '售后状态已变化，请刷新后重试',
  REFUND_EXCEEDS_PAID: '退款金额超出实付金额',
  FAVOURITES_LIMIT_REACHED: '收藏已达上限，请先取消一些收藏',
  ORDER_ITEM_NOT_FOUND: '订单商品不存在',
  REVIEW_NOT_FOUND: '评价不存在',
  REVIEW_ORDER_NOT_COMPLETED: '确认收货后才能评价',
  REVIEW_ALREADY_EXISTS: '已经评价过了',
  REVIEW_WINDOW_CLOSED: '已超过评价期限',
  REVIEW_ALREADY_REPLIED: '已经回复过了',
  REVIEW_STATE_CONFLICT: '评价状态已变化，请刷新',
};

const CLIENT_MESSAGES: Record<string, string> = {
  NETWORK_ERROR: '网络不给力，请检查网络后重试',
  LOGIN_FAILED: '微信登录失败，请重试',
};

/** The message for an error code; unknown codes fall back on the HTTP status class. */
export function userMessage(code: string, status: number): string {
  if (code in MESSAGES) return MESSAGES[code as ErrorCode];
  if (code in CLIENT_MESSAGES) return CLIENT_MESSAGES[code];
  if (status >= 500) return MESSAGES.INTERNAL_ERROR;
  if (status === 401) return MESSAGES.UNAUTHORIZED;
  if (status === 404) return MESSAGES.NOT_FOUND;
  return '操作失败，请稍后再试';
}

/** An error reported by the API (status > 0) or by the phone (status 0: network, wx.login). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** the API's own message, for logs */
    readonly detail: string,
    readonly requestId?: string,
  ) {
    super(userMessage(code, status));
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.NETWORK_ERROR;
  }
}

/** Any thrown value → what to show the shopper. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : MESSAGES.INTERNAL_ERROR;
}
