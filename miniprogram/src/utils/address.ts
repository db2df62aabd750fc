import type { Address, AddressInput } from '../contracts/address';
import type { OrderAddress } from '../contracts/order';

/** Mainland mobile numbers, the same rule the API applies. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** The first problem with a form, worded for the shopper, or null when it can be saved. */
export function addressProblem(input: AddressInput): string | null {
  if (!input.receiverName.trim()) return '请填写收货人';
  if (input.receiverName.trim().length > 32) return '收货人姓名最多 32 个字';
  if (!MAINLAND_MOBILE.test(input.phone)) return '请填写正确的手机号码';
  if (!input.province || !input.city || !input.district) return '请选择所在地区';
  if (!input.detail.trim()) return '请填写详细地址';
  if (input.detail.trim().length > 200) return '详细地址最多 200 个字';
  if (input.postalCode && !/^\d{6}$/.test(input.postalCode)) return '邮政编码应为 6 位数字';
  return null;
}

/** wx.chooseAddress → our form. WeChat may hand back a number with spaces or a +86 prefix. */
export function fromWechatAddress(res: WechatMiniprogram.ChooseAddressSuccessCallbackResult): AddressInput {
  const phone = res.telNumber.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return {
    receiverName: res.userName.trim(),
    phone,
    province: res.provinceName,
    city: res.cityName,
    district: res.countyName,
    detail: (res.detailInfoNew || res.detailInfo).trim(),
    postalCode: /^\d{6}$/.test(res.postalCode) ? res.postalCode : null,
  };
}

/** "广东省深圳市南山区科技园南区 1 栋 101" */
export function fullAddress(a: Pick<Address | OrderAddress, 'province' | 'city' | 'district' | 'detail'>): string {
  // Municipalities repeat themselves (北京市北京市): show the city once.
  const city = a.city === a.province ? '' : a.city;
  return `${a.province}${city}${a.district}${a.detail}`;
}

/** "138****8000" */
export function maskPhone(phone: string): string {
  return MAINLAND_MOBILE.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
