import { type AdminOrder, ORDER_STATUS_TEXT } from '@sutwxapp/contracts';
import { fenToYuan } from '../../common/money';

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** 2025-01-31 09:30:00, Beijing wall-clock time (the header says so). */
export function beijingDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first: CSV injection through a remark or a name)
 * gets a leading apostrophe. Amounts are written by us and never start with one of those.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Long digit strings (order numbers, numeric tracking numbers) stay text in Excel: as a number it
 * would show 2.02501E+21 and keep only 15 digits. A trailing tab is the usual cure; it is not
 * data, and readers that trim fields never see it.
 */
const asText = (value: string): string => (/^\d{12,}$/.test(value) ? `${value}\t` : value);

const COLUMNS: Array<[string, (o: AdminOrder) => string | number]> = [
  ['订单号', (o) => asText(o.orderNo)],
  ['下单时间（北京时间）', (o) => beijingDateTime(o.createdAt)],
  ['状态', (o) => ORDER_STATUS_TEXT[o.status]],
  ['收货人', (o) => o.address.receiverName],
  ['收货手机', (o) => o.address.phone],
  ['收货地址', (o) => `${o.address.province}${o.address.city}${o.address.district}${o.address.detail}`],
  [
    '商品',
    (o) =>
      o.items
        .map((i) => {
          const specs = Object.values(i.specs).join('/');
          return `${i.title}${specs ? `（${specs}）` : ''}×${i.quantity}`;
        })
        .join('；'),
  ],
  ['件数', (o) => o.items.reduce((n, i) => n + i.quantity, 0)],
  ['商品金额（元）', (o) => fenToYuan(o.goodsAmount)],
  ['运费（元）', (o) => fenToYuan(o.freightAmount)],
  ['优惠（元）', (o) => fenToYuan(o.discountAmount)],
  ['实付金额（元）', (o) => fenToYuan(o.payableAmount)],
  ['支付时间（北京时间）', (o) => beijingDateTime(o.paidAt)],
  ['快递公司', (o) => o.shipments.map((s) => s.carrierName).join('；')],
  ['运单号', (o) => asText(o.shipments.map((s) => s.trackingNo).join('；'))],
  ['发货时间（北京时间）', (o) => beijingDateTime(o.shipments[0]?.shippedAt ?? null)],
  ['买家备注', (o) => o.remark ?? ''],
];

/** The console's order export: a BOM (Excel then reads UTF-8), a Chinese header row, CRLF line ends. */
export function ordersCsv(orders: AdminOrder[]): string {
  const lines = [COLUMNS.map(([title]) => csvField(title)).join(',')];
  for (const order of orders) lines.push(COLUMNS.map(([, value]) => csvField(value(order))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
