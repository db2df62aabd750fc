/**
 * Our Kuaidi100 carrier codes → WeChat's delivery ids (运力 id) that upload_shipping_info wants in
 * express_company. WeChat's list comes from get_delivery_list
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/order_shipping/api_getdeliverylist.html);
 * these are the entries for the carriers we offer.
 */
export const WECHAT_DELIVERY_IDS: Readonly<Record<string, string>> = {
  shunfeng: 'SF',
  zhongtong: 'ZTO',
  yuantong: 'YTO',
  yunda: 'YD',
  shentong: 'STO',
  jtexpress: 'JTSD',
  ems: 'EMS',
  youzhengguonei: 'YZPY',
  jd: 'JD',
  debangkuaidi: 'DBL',
  fengwang: 'FWX',
};

export function wechatDeliveryId(kuaidi100Code: string): string | undefined {
  return WECHAT_DELIVERY_IDS[kuaidi100Code.trim().toLowerCase()];
}

/** 138****8000: what WeChat asks for in receiver_contact, and what we show and log. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
