/** Shared by the address book and checkout (another subpackage), so it lives in the main package. */
import type { AddressInput } from '../contracts/address';
import { addressProblem, fromWechatAddress } from '../utils/address';

/**
 * Asks WeChat for one of the shopper's saved addresses. Resolves null when the shopper closes
 * the sheet or, with `validate`, when the address would not pass our rules (told with a toast).
 */
export function chooseWechatAddress(validate = true): Promise<AddressInput | null> {
  return new Promise((resolve) =>
    wx.chooseAddress({
      success: (res) => {
        const input = fromWechatAddress(res);
        const problem = validate ? addressProblem(input) : null;
        if (problem) {
          wx.showToast({ title: `导入失败：${problem}`, icon: 'none' });
          resolve(null);
        } else resolve(input);
      },
      fail: () => resolve(null),
    }),
  );
}
