import { createPublicKey, createVerify } from 'node:crypto';
import type { WechatSandbox } from '../../../libs/wechat-sandbox/src';
import { WECHAT_SANDBOX } from '../../../apps/api/src/modules/wechat/wechat.module';
import type { TestApp } from '../../../apps/api/test/support/test-app';
import type { PaymentHandler } from './fake-wx';

export function sandboxOf(t: TestApp): WechatSandbox {
  const sandbox = t.app.get<WechatSandbox | null>(WECHAT_SANDBOX);
  if (!sandbox) throw new Error('the test app runs without the WeChat sandbox');
  return sandbox;
}

/**
 * wx.requestPayment as WeChat runs it, against the API's sandbox: the sheet opens only for a
 * prepay_id this merchant created and a paySign made with the merchant's key over
 * appId\ntimeStamp\nnonceStr\npackage\n; the shopper then pays, and WeChat Pay sends its signed
 * notification to the API before the sheet reports success.
 */
export function payInSandbox(t: TestApp): PaymentHandler {
  const sandbox = sandboxOf(t);
  const { appId, merchantPrivateKeyPem } = sandbox.credentials.pay;
  const merchantPublicKey = createPublicKey(merchantPrivateKeyPem);
  return async (params) => {
    const prepayId = params.package.replace(/^prepay_id=/, '');
    const order = sandbox.pay.listOrders().find((o) => o.prepay_ids.includes(prepayId));
    if (!order) return { errMsg: 'requestPayment:fail prepay_id not found' };
    const message = `${appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    const signed = createVerify('RSA-SHA256').update(message).verify(merchantPublicKey, params.paySign, 'base64');
    if (params.signType !== 'RSA' || !signed) return { errMsg: 'requestPayment:fail sign error' };
    await sandbox.simulatePayment(order.out_trade_no);
    return 'ok';
  };
}
