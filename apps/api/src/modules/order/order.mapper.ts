import { type AdminOrder, type Order, OrderStatus, type Shipment } from '@sutwxapp/contracts';
import type { AppConfig } from '../../config/app-config';
import { publicUrl } from '../../common/public-url';
import { findCarrierName } from './carriers';
import type { OrderItemEntity } from './entities/order-item.entity';
import type { OrderParcelEntity } from './entities/order-parcel.entity';
import type { OrderRecord } from './order-record';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The parcels of a shipped order. Orders shipped before parcels had rows of their own have only
 * the order row's carrier and number: that is their one parcel.
 */
export function shipmentsOf(
  order: Pick<OrderRecord, 'carrierCode' | 'trackingNo' | 'shippedAt'>,
  parcels: OrderParcelEntity[],
): Shipment[] {
  if (parcels.length > 0) {
    return [...parcels]
      .sort((a, b) => a.seq - b.seq)
      .map((p) => ({
        carrierCode: p.carrierCode,
        carrierName: findCarrierName(p.carrierCode),
        trackingNo: p.trackingNo,
        shippedAt: p.shippedAt.toISOString(),
        items: p.items,
      }));
  }
  if (!order.carrierCode || !order.trackingNo || !order.shippedAt) return [];
  return [
    {
      carrierCode: order.carrierCode,
      carrierName: findCarrierName(order.carrierCode),
      trackingNo: order.trackingNo,
      shippedAt: order.shippedAt.toISOString(),
      items: null,
    },
  ];
}

export function toOrder(
  config: AppConfig,
  order: OrderRecord,
  items: OrderItemEntity[],
  now = Date.now(),
  parcels: OrderParcelEntity[] = [],
): Order {
  const shipments = shipmentsOf(order, parcels);
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    items: items.map((i) => ({
      skuId: i.skuId,
      productId: i.productId,
      title: i.title,
      specs: i.specs,
      image: publicUrl(config, i.image, 240),
      unitPrice: i.unitPrice,
      quantity: i.quantity,
      subtotal: i.unitPrice * i.quantity,
    })),
    goodsAmount: order.goodsAmount,
    freightAmount: order.freightAmount,
    payableAmount: order.payableAmount,
    discountAmount: order.goodsAmount + order.freightAmount - order.payableAmount,
    address: order.address,
    remark: order.remark,
    createdAt: order.createdAt.toISOString(),
    payDeadline: order.payDeadline.toISOString(),
    secondsToPay:
      order.status === OrderStatus.PENDING_PAYMENT
        ? Math.max(0, Math.floor((order.payDeadline.getTime() - now) / 1000))
        : 0,
    paidAt: iso(order.paidAt),
    shipment: shipments[0] ?? null,
    shipments,
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
  };
}

/** The operators' view: the shopper's order and the facts behind the console's timeline. */
export function toAdminOrder(
  config: AppConfig,
  order: OrderRecord,
  items: OrderItemEntity[],
  parcels: OrderParcelEntity[],
  now = Date.now(),
): AdminOrder {
  return {
    ...toOrder(config, order, items, now, parcels),
    userId: order.userId,
    signedAt: iso(order.signedAt),
    refundRequestedAt: iso(order.refundRequestedAt),
    refundedAt: iso(order.refundedAt),
    refundReason: order.refundReason,
  };
}
