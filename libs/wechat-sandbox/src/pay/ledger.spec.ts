import { createClock } from '../context';
import { generatePayCredentials } from './credentials';
import { MAX_LEDGER_ORDERS, PayLedger } from './ledger';

describe('sandbox: the merchant books stay bounded', () => {
  it(`keeps the newest ${MAX_LEDGER_ORDERS} orders; an older one and its refunds answer ORDER_NOT_EXIST`, async () => {
    const credentials = await generatePayCredentials({ appId: 'wx0000000000000001' });
    const ledger = new PayLedger(credentials, createClock());
    const prepay = (n: number) =>
      ledger.prepay({
        appid: credentials.appId,
        mchid: credentials.mchId,
        description: `订单 ${n}`,
        out_trade_no: `SUT${String(n).padStart(8, '0')}`,
        notify_url: 'https://shop.example.com/api/v1/payments/wechat/notify',
        amount: { total: 1000, currency: 'CNY' },
        payer: { openid: `openid-${n}` },
      });
    const refund = (n: number, fen: number) =>
      ledger.createRefund({
        out_trade_no: `SUT${String(n).padStart(8, '0')}`,
        out_refund_no: `R${n}-${fen}`,
        amount: { refund: fen, total: 1000, currency: 'CNY' },
      });

    expect(prepay(0).ok).toBe(true);
    expect(ledger.pay('SUT00000000').ok).toBe(true);
    expect(refund(0, 400).ok).toBe(true);
    for (let n = 1; n < MAX_LEDGER_ORDERS; n++) expect(prepay(n).ok).toBe(true);
    expect(ledger.orders.size).toBe(MAX_LEDGER_ORDERS);
    expect(ledger.find('SUT00000000').ok).toBe(true); // full, nothing forgotten yet

    expect(prepay(MAX_LEDGER_ORDERS).ok).toBe(true);
    expect(ledger.orders.size).toBe(MAX_LEDGER_ORDERS);
    expect(ledger.find('SUT00000000')).toMatchObject({ ok: false, code: 'ORDER_NOT_EXIST' });
    expect(ledger.refunds.size).toBe(0);
    expect(refund(0, 600)).toMatchObject({ ok: false, code: 'RESOURCE_NOT_EXISTS' });
    expect(ledger.find('SUT00000001').ok).toBe(true);
    expect(ledger.find(`SUT${String(MAX_LEDGER_ORDERS).padStart(8, '0')}`).ok).toBe(true);
  });
});
