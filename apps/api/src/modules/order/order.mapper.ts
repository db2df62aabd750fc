import { type Order, OrderStatus } from '@sutwxapp/contracts';
import type { AppConfig } from '../../config/app-config';
import { publicUrl } from '../../common/public-url';
import { findCarrierName } from './carriers';
import type { OrderItemEntity } from './entities/order-item.entity';
import type { OrderRecord } from './order-record';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toOrder(config: AppConfig, order: OrderRecord, items: OrderItemEntity[], now = Date.now()): Order {
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
    shipment:
      order.carrierCode && order.trackingNo && order.shippedAt
        ? {
            carrierCode: order.carrierCode,
            carrierName: findCarrierName(order.carrierCode),
            trackingNo: order.trackingNo,
            shippedAt: order.shippedAt.toISOString(),
          }
        : null,
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    cancelReason: order.cancelReason,
  };
}
