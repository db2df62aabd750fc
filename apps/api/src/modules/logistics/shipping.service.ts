import { Injectable } from '@nestjs/common';
import {
  type AdminOrder,
  type BulkShipResult,
  type BulkShipRowResult,
  ErrorCode,
  type FieldError,
  type ParcelInput,
  TRACKING_NO_PATTERN,
} from '@sutwxapp/contracts';
import { CARRIERS, findCarrier } from '@sutwxapp/wechat';
import { AppError, Errors } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import type { ShippedParcel } from '../order/order-record';
import { OrderPort } from '../order/order.port';
import { type BulkShipRowDto, MAX_PARCELS, type ShipOrderDto } from './dto/ship-order.dto';

const ORDER_NO = /^[A-Za-z0-9]{1,32}$/;

/**
 * Shipping orders: one parcel or several (split shipping), from the console one order at a time
 * or from a bulk-ship file. The order process moves PAID → SHIPPED through the order port, as one
 * conditional update (409 for any other state; two operators shipping at once ship it once), and
 * publishes order_shipped with every parcel after the commit (WeChat's shipping-info upload).
 */
@Injectable()
export class ShippingService {
  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderPort,
  ) {}

  async ship(orderId: number, dto: ShipOrderDto): Promise<AdminOrder> {
    if (dto.parcels && (dto.carrierCode !== undefined || dto.trackingNo !== undefined)) {
      throw Errors.VALIDATION_FAILED('一个包裹填 carrierCode + trackingNo，多个包裹填 parcels；不能同时填写', {
        errors: [{ field: 'parcels', message: 'give parcels, or carrierCode and trackingNo, not both' }],
      });
    }
    const input: ParcelInput[] = dto.parcels ?? [{ carrierCode: dto.carrierCode!, trackingNo: dto.trackingNo! }];
    const parcels = this.resolve(input, dto.parcels ? 'parcels.' : '');
    if (parcels.some((p) => p.items)) await this.checkItems(orderId, parcels);
    await this.tx.run((em) => this.orders.ship(em, orderId, parcels));
    return this.orders.getAdmin(orderId);
  }

  /**
   * A bulk-ship file: rows naming the same order number are that order's parcels, in file order.
   * Each order ships in its own transaction, so one bad row never holds back the others; every
   * row answers ok or the code and message a single ship would have answered.
   */
  async bulkShip(rows: BulkShipRowDto[]): Promise<BulkShipResult> {
    const results: BulkShipRowResult[] = rows.map((r) => ({
      line: r.line ?? null,
      orderNo: r.orderNo.trim(),
      ok: false,
      orderId: null,
      error: null,
    }));
    const groups = new Map<string, number[]>();
    results.forEach((r, i) => groups.set(r.orderNo, [...(groups.get(r.orderNo) ?? []), i]));
    let shippedOrders = 0;
    for (const [orderNo, indexes] of groups) {
      const fail = (error: { code: string; message: string }, only?: number): void => {
        for (const i of indexes) {
          results[i].error ??=
            only === undefined || only === i
              ? error
              : {
                  code: error.code,
                  message: `同一订单号的${lineName(results[only], only)}有误，本订单未发货`,
                };
        }
      };
      try {
        const bad = indexes.find((i) => rowProblem(rows[i]) !== null);
        if (bad !== undefined) {
          fail({ code: ErrorCode.VALIDATION_FAILED, message: rowProblem(rows[bad])! }, bad);
          continue;
        }
        if (indexes.length > MAX_PARCELS) {
          fail({
            code: ErrorCode.VALIDATION_FAILED,
            message: `订单 ${orderNo} 有 ${indexes.length} 行（包裹），一个订单最多 ${MAX_PARCELS} 个包裹`,
          });
          continue;
        }
        const order = await this.orders.findByOrderNo(orderNo);
        if (!order) {
          fail({ code: ErrorCode.ORDER_NOT_FOUND, message: `订单号 ${orderNo} 不存在` });
          continue;
        }
        const parcels = this.resolve(
          indexes.map((i) => ({ carrierCode: rows[i].carrierCode, trackingNo: rows[i].trackingNo.trim() })),
          '',
        );
        await this.tx.run((em) => this.orders.ship(em, order.id, parcels));
        shippedOrders++;
        for (const i of indexes) Object.assign(results[i], { ok: true, orderId: order.id });
      } catch (err) {
        // expected refusals (carrier, state…) belong to the rows; anything else is a bug
        if (!(err instanceof AppError)) throw err;
        fail({ code: err.code, message: err.message });
      }
    }
    return { shippedOrders, failedRows: results.filter((r) => !r.ok).length, rows: results };
  }

  /** Known carriers (by code, or by name as a spreadsheet may say it: 圆通速递), no number twice. */
  private resolve(input: ParcelInput[], prefix: string): ShippedParcel[] {
    const seen = new Set<string>();
    return input.map((p, i) => {
      const field = (name: string): string => (prefix ? `${prefix}${i}.${name}` : name);
      const carrier = findCarrier(p.carrierCode) ?? CARRIERS.find((c) => c.name === p.carrierCode.trim());
      if (!carrier) {
        throw Errors.CARRIER_NOT_SUPPORTED(
          `Carrier "${p.carrierCode}" is not supported; use one of ${CARRIERS.map((c) => c.code).join(', ')}`,
          { errors: [{ field: field('carrierCode'), message: 'unsupported carrier' }] },
        );
      }
      const key = `${carrier.code}:${p.trackingNo.toUpperCase()}`;
      if (seen.has(key)) {
        throw Errors.VALIDATION_FAILED(`运单号 ${p.trackingNo} 重复：每个包裹一个运单号`, {
          errors: [{ field: field('trackingNo'), message: 'the same tracking number twice' }],
        });
      }
      seen.add(key);
      return { carrierCode: carrier.code, trackingNo: p.trackingNo, items: p.items ?? null };
    });
  }

  /**
   * Itemised parcels hold exactly the order's lines: every parcel itemised, only the order's SKUs,
   * each line's quantity spread over the parcels in full.
   */
  private async checkItems(orderId: number, parcels: ShippedParcel[]): Promise<void> {
    const order = await this.orders.getAny(orderId);
    const errors: FieldError[] = [];
    const ordered = new Map(order.items.map((i) => [i.skuId, i.quantity]));
    const packed = new Map<number, number>();
    parcels.forEach((p, index) => {
      if (!p.items) {
        errors.push({ field: `parcels.${index}.items`, message: 'itemise every parcel, or none' });
        return;
      }
      for (const item of p.items) {
        if (!ordered.has(item.skuId)) {
          errors.push({ field: `parcels.${index}.items`, message: `SKU ${item.skuId} is not in this order` });
        }
        packed.set(item.skuId, (packed.get(item.skuId) ?? 0) + item.quantity);
      }
    });
    for (const [skuId, quantity] of ordered) {
      const n = packed.get(skuId) ?? 0;
      if (n !== quantity) {
        errors.push({ field: 'parcels', message: `SKU ${skuId}: ordered ${quantity}, packed ${n}` });
      }
    }
    if (errors.length > 0) {
      throw Errors.PARCEL_ITEMS_MISMATCH(`包裹里的商品与订单不符：${errors.map((e) => e.message).join('；')}`, {
        errors,
      });
    }
  }
}

function lineName(row: BulkShipRowResult, index: number): string {
  return row.line !== null ? `第 ${row.line} 行` : `第 ${index + 1} 条`;
}

/** What is wrong with a bulk-ship row's fields, in words an operator can act on; null when nothing. */
function rowProblem(row: BulkShipRowDto): string | null {
  const where = row.line !== undefined ? `第 ${row.line} 行：` : '';
  if (!ORDER_NO.test(row.orderNo.trim())) return `${where}订单号须为 1–32 位字母或数字`;
  if (!row.carrierCode.trim()) return `${where}缺少快递公司编码`;
  if (!TRACKING_NO_PATTERN.test(row.trackingNo.trim())) return `${where}运单号须为 4–32 位字母或数字`;
  return null;
}
