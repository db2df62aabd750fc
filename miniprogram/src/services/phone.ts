import { api } from './request';

/**
 * The getPhoneNumber button's code (e.detail.code) → the API exchanges it with WeChat and keeps
 * the number. Only the masked form ever comes back. null when the shopper declined (no code) or
 * the exchange failed (the request layer has already told the shopper why).
 */
export async function bindPhoneNumber(code: string): Promise<{ phoneMasked: string } | null> {
  if (!code) return null;
  try {
    const res = await api.post<{ phoneMasked: string | null }>('/wechat/phone', { code });
    return res.phoneMasked ? { phoneMasked: res.phoneMasked } : null;
  } catch {
    return null;
  }
}
