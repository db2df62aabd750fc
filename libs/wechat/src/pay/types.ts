/**
 * WeChat's own field names (snake_case) are kept for everything WeChat returns, so a response,
 * a decrypted notification and WeChat's documentation all read the same. WeChat may add fields
 * at any time; the index signatures keep them.
 */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState | string;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  /** RFC 3339 */
  success_time?: string;
  payer?: { openid?: string };
  /** all in fen */
  amount?: { total?: number; payer_total?: number; currency?: string; payer_currency?: string };
  [field: string]: unknown;
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface WechatPayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel?: string;
  user_received_account?: string;
  success_time?: string;
  create_time?: string;
  status: RefundStatus | string;
  funds_account?: string;
  amount: {
    total: number;
    refund: number;
    payer_total?: number;
    payer_refund?: number;
    settlement_refund?: number;
    settlement_total?: number;
    discount_refund?: number;
    currency?: string;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Decrypted resource of a REFUND.* notification. */
export interface WechatPayRefundNotice {
  mchid: string;
  transaction_id: string;
  out_trade_no: string;
  refund_id: string;
  out_refund_no: string;
  refund_status: RefundStatus | string;
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number };
  [field: string]: unknown;
}

export interface WechatPayNotification<R = WechatPayTransaction | WechatPayRefundNotice> {
  /** unique per event: the idempotency key (duplicates arrive) */
  id: string;
  /** e.g. 'TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED' */
  eventType: string;
  createTime: string;
  summary: string;
  resourceType: string;
  /** 'transaction' or 'refund' */
  originalType: string;
  /** the decrypted, parsed resource */
  resource: R;
  /** the raw notification body exactly as received and verified (store it for audit) */
  raw: string;
  /** the decrypted resource text */
  plaintext: string;
}

export interface JsapiPrepayInput {
  /** shown on the shopper's bill; emoji are stripped and it is cut to 127 characters */
  description: string;
  outTradeNo: string;
  /** integer fen, ≥ 1 */
  totalFen: number;
  /** must come from the same appid as the client's appId */
  payerOpenid: string;
  /** https, publicly reachable, no query string */
  notifyUrl: string;
  /** payment deadline; only honoured on the first order call */
  timeExpire?: Date;
  /** ≤ 128, echoed back in queries and notifications */
  attach?: string;
}

export interface CreateRefundInput {
  outTradeNo: string;
  outRefundNo: string;
  reason?: string;
  refundFen: number;
  totalFen: number;
  notifyUrl?: string;
}

/** What the mini-program passes to wx.requestPayment (built by buildRequestPaymentParams): the API's contract type. */
export type { RequestPaymentParams } from '@sutwxapp/contracts';
