/** Shared by the address book and checkout (another subpackage), so it lives in the main package. */
import type { AddressInput } from '../contracts/address';
import { addressProblem, fromWechatAddress } from '../utils/address';
import { toast } from '../utils/feedback';

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
          toast(`导入失败：${problem}`);
          resolve(null);
        } else resolve(input);
      },
      fail: () => resolve(null),
    }),
  );
}
