import type { IsoDateTime, Page } from './common';

/** The tap that asks for subscriptions: checkout/pay or after-sale submit. */
export type SubscribeMoment = 'pay' | 'aftersale';

/** GET /wechat/subscriptions/templates */
export interface SubscribeTemplates {
  moment: SubscribeMoment;
  /** pass to wx.requestSubscribeMessage({tmplIds}); empty when no template is configured */
  templateIds: string[];
}

/** POST /wechat/subscriptions: wx.requestSubscribeMessage's success result without errMsg. */
export interface RecordSubscriptionsRequest {
  /** templateId → WeChat's answer: accept, reject, ban or filter (only ids from GET /wechat/subscriptions/templates) */
  results: Record<string, string>;
}

export interface SubscribeResult {
  /** template ids recorded as one more allowed notice */
  accepted: string[];
}

/** POST /wechat/phone: the code from <button open-type="getPhoneNumber"> (bindgetphonenumber). */
export interface BindPhoneRequest {
  code: string;
}

export interface PhoneBinding {
  /** always masked, e.g. 138****8000; null when no number is bound */
  phoneMasked: string | null;
}

/** One parcel reported to WeChat's shipping-information management. */
export interface ShippingParcel {
  /** our (Kuaidi100) carrier code, see GET /logistics/carriers */
  carrierCode: string;
  trackingNo: string;
}

/** FAILED = given up; re-upload after fixing the cause. */
export type ShippingUploadStatus = 'PENDING' | 'UPLOADING' | 'DONE' | 'FAILED';

/** One order's shipping-info upload to WeChat (发货信息录入). */
export interface ShippingUpload {
  orderId: number;
  orderNo: string;
  status: ShippingUploadStatus;
  /** 1 express, 2 same-city delivery, 3 virtual goods, 4 self-pickup */
  logisticsType: 1 | 2 | 3 | 4;
  parcels: ShippingParcel[];
  attempts: number;
  /** WeChat's answer to the last failed attempt */
  lastError: string | null;
  /** when the next attempt runs (PENDING only) */
  nextAttemptAt: IsoDateTime | null;
  uploadedAt: IsoDateTime | null;
}

/** GET /admin/wechat/shipping-uploads */
export type ShippingUploadPage = Page<ShippingUpload>;

/** POST /admin/orders/:id/wechat-shipping/reupload */
export interface ReuploadShippingRequest {
  /** several parcels = split delivery (at most 15); default: the parcels of the last upload, or the shipped one */
  parcels?: ShippingParcel[];
  /** 1 express, 3 virtual goods, 4 self-pickup; default: as before */
  logisticsType?: 1 | 3 | 4;
}
