// WeChat Pay's TRANSACTION.SUCCESS callback for one bench order, signed and encrypted by the
// sandbox's own builder (from the build under test) with that server's merchant keys.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** Returns `(order) => ({ headers, body })` for orders `{ orderNo, openid, payable }` (payable in fen). */
export function notificationBuilder(pay, dist) {
  const { buildNotification } = require(resolve(dist, 'libs/wechat-sandbox/src/index.js'));
  return (order) => {
    const { headers, body } = buildNotification({
      credentials: pay,
      eventType: 'TRANSACTION.SUCCESS',
      resource: {
        appid: pay.appId,
        mchid: pay.mchId,
        out_trade_no: order.orderNo,
        transaction_id: `42000${order.orderNo.slice(-20)}`,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        bank_type: 'OTHERS',
        success_time: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
        payer: { openid: order.openid },
        amount: { total: order.payable, payer_total: order.payable, currency: 'CNY', payer_currency: 'CNY' },
      },
    });
    return { headers, body };
  };
}
