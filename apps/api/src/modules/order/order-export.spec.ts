import type { AdminOrder } from '@sutwxapp/contracts';
import { beijingDateTime, csvField, ordersCsv } from './order-export';

const order: AdminOrder = {
  id: 1,
  orderNo: '2025013123595912345678',
  status: 'SHIPPED',
  items: [
    {
      skuId: 1,
      productId: 1,
      title: '耳机, "Pro"',
      specs: { 颜色: '黑' },
      image: null,
      unitPrice: 1990,
      quantity: 2,
      subtotal: 3980,
    },
  ],
  goodsAmount: 3980,
  freightAmount: 1000,
  payableAmount: 4475,
  discountAmount: 505,
  address: {
    receiverName: '@张三',
    phone: '13800138000',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    detail: '1 栋',
  },
  remark: '-1 件也行',
  createdAt: '2025-01-31T16:00:00.000Z',
  payDeadline: '2025-01-31T16:30:00.000Z',
  secondsToPay: 0,
  paidAt: '2025-01-31T16:01:02.000Z',
  shipment: null,
  shipments: [
    {
      carrierCode: 'shunfeng',
      carrierName: '顺丰速运',
      trackingNo: 'SF1',
      shippedAt: '2025-02-01T01:00:00.000Z',
      items: null,
    },
    {
      carrierCode: 'yuantong',
      carrierName: '圆通速递',
      trackingNo: 'YT2',
      shippedAt: '2025-02-01T01:00:00.000Z',
      items: null,
    },
  ],
  completedAt: null,
  cancelledAt: null,
  cancelReason: null,
  userId: 9,
  signedAt: null,
  refundRequestedAt: null,
  refundedAt: null,
  refundReason: null,
};

describe('the orders CSV', () => {
  it('writes Beijing wall-clock time (the next day after 16:00 UTC)', () => {
    expect(beijingDateTime('2025-01-31T16:00:00.000Z')).toBe('2025-02-01 00:00:00');
    expect(beijingDateTime(null)).toBe('');
  });

  it('quotes commas and quotes, and defuses formula starts (=, +, -, @, tab, CR)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvField(risky).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(12.5)).toBe('12.5');
  });

  it('is a BOM, a header and one CRLF line per order, amounts in yuan from fen', () => {
    const csv = ordersCsv([order]);
    expect(csv.startsWith('\uFEFF订单号,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      [
        '2025013123595912345678\t',
        '2025-02-01 00:00:00',
        '待收货',
        "'@张三",
        '13800138000',
        '广东省深圳市南山区1 栋',
        '"耳机, ""Pro""（黑）×2"',
        '2',
        '39.80',
        '10.00',
        '5.05',
        '44.75',
        '2025-02-01 00:01:02',
        '顺丰速运；圆通速递',
        'SF1；YT2',
        '2025-02-01 09:00:00',
        "'-1 件也行",
      ].join(','),
    );
  });
});
