import type { AdminOrder, AfterSale, OrderPaymentInfo } from '@sutwxapp/contracts';
import { describe, expect, it } from 'vitest';
import { orderTimeline } from './order-timeline';

const address = {
  receiverName: '张三',
  phone: '13800138000',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  detail: '1 栋',
};

function order(over: Partial<AdminOrder> = {}): AdminOrder {
  return {
    id: 7,
    orderNo: '2025010112000012345678',
    status: 'PAID',
    items: [],
    goodsAmount: 3980,
    freightAmount: 0,
    payableAmount: 3980,
    discountAmount: 0,
    address,
    remark: null,
    createdAt: '2025-01-01T01:00:00.000Z',
    payDeadline: '2025-01-01T01:30:00.000Z',
    secondsToPay: 0,
    paidAt: null,
    shipment: null,
    shipments: [],
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    userId: 3,
    signedAt: null,
    refundRequestedAt: null,
    refundedAt: null,
    refundReason: null,
    ...over,
  };
}

describe('orderTimeline', () => {
  it('tells a shipped, refunded order oldest first: paid with its transaction, each parcel, the refund', () => {
    const shipments = [
      {
        carrierCode: 'shunfeng',
        carrierName: '顺丰速运',
        trackingNo: 'SF1',
        shippedAt: '2025-01-02T02:00:00.000Z',
        items: null,
      },
      {
        carrierCode: 'yuantong',
        carrierName: '圆通速递',
        trackingNo: 'YT2',
        shippedAt: '2025-01-02T02:00:00.000Z',
        items: null,
      },
    ];
    const payment: OrderPaymentInfo = {
      orderId: 7,
      payment: {
        outTradeNo: 'x',
        transactionId: '4200001',
        amount: 3980,
        status: 'SUCCESS',
        paidAt: '2025-01-01T01:05:00.000Z',
      },
      refunds: [
        {
          id: 1,
          kind: 'admin',
          amount: 3980,
          status: 'SUCCESS',
          reason: '缺货',
          outRefundNo: 'R2025',
          refundId: 'r1',
          aftersaleId: null,
          createdAt: '2025-01-03T00:00:00.000Z',
          succeededAt: '2025-01-03T00:01:00.000Z',
        },
      ],
      refundedAmount: 3980,
      refundableAmount: 0,
    };
    const events = orderTimeline(
      order({
        status: 'REFUNDED',
        paidAt: '2025-01-01T01:05:00.000Z',
        shipment: shipments[0],
        shipments,
        refundRequestedAt: '2025-01-03T00:00:00.000Z',
        refundedAt: '2025-01-03T00:01:00.000Z',
        refundReason: '缺货',
      }),
      payment,
    );
    expect(events.map((e) => [e.title, e.detail])).toEqual([
      ['下单', '应付 ¥39.80'],
      ['支付成功', '微信支付 ¥39.80，交易单号 4200001'],
      ['发货（包裹 1/2）', '顺丰速运 SF1'],
      ['发货（包裹 2/2）', '圆通速递 YT2'],
      ['整单退款 ¥39.80', '缺货，已退款'],
      ['退款到账 ¥39.80', 'R2025'],
    ]);
  });

  it('keeps the process order within a second: WeChat Pay reports whole seconds, before the order’s milliseconds', () => {
    const events = orderTimeline(order({ createdAt: '2025-01-01T01:00:00.480Z', paidAt: '2025-01-01T01:00:00.000Z' }));
    expect(events.map((e) => e.title)).toEqual(['下单', '支付成功']);
  });

  it('says why an order was cancelled, and uses the order’s own refund facts before the refunds load', () => {
    expect(
      orderTimeline(
        order({ status: 'CANCELLED', cancelledAt: '2025-01-01T01:30:00.000Z', cancelReason: 'payment_timeout' }),
      ).at(-1),
    ).toMatchObject({ title: '已取消', detail: '超时未支付，自动取消', tone: 'warning' });
    const refunding = orderTimeline(
      order({ status: 'REFUNDING', refundRequestedAt: '2025-01-02T00:00:00.000Z', refundReason: '协商' }),
    );
    expect(refunding.at(-1)).toMatchObject({ title: '申请退款', detail: '协商' });
  });

  it('places after-sale requests and completion in time order', () => {
    const aftersale = {
      id: 9,
      orderId: 7,
      skuId: 1,
      quantity: 1,
      type: 'REFUND_ONLY',
      status: 'REQUESTED',
      reason: '少件',
      createdAt: '2025-01-05T00:00:00.000Z',
    } as AfterSale;
    const events = orderTimeline(
      order({ status: 'COMPLETED', signedAt: '2025-01-04T00:00:00.000Z', completedAt: '2025-01-06T00:00:00.000Z' }),
      null,
      [aftersale],
    );
    expect(events.map((e) => e.title)).toEqual(['下单', '已签收', '售后申请 #9（仅退款）', '交易完成']);
    expect(events[2].detail).toBe('少件，1 件，当前：待审核');
  });
});
