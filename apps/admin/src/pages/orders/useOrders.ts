import {
  adminAfterSaleList,
  adminOrderExportCsv,
  adminOrderGet,
  adminOrderList,
  adminPaymentGet,
  adminRefundRefund,
  adminShipmentBulkShip,
  adminShipmentShip,
  adminWechatShippingReupload,
  adminWechatShippingStatus,
  logisticsCarriers,
} from '@sutwxapp/api-client';
import type {
  AdminOrder,
  AdminOrderFilter,
  AdminOrderPage,
  AfterSale,
  BulkShipResult,
  BulkShipRow,
  Carrier,
  Order,
  OrderPaymentInfo,
  ShipOrderRequest,
  ShippingUpload,
} from '@sutwxapp/contracts';
import { api, ApiError, call } from '../../api/client';
import { beijingDate } from '../../lib/dates';
import type { OrderListState } from '../../lib/order-query';

let carriers: Promise<Carrier[]> | null = null;

/** The order screens' data, only through the generated client (the API's messages surface as thrown Errors). */
export function useOrders() {
  return {
    list: (state: OrderListState): Promise<AdminOrderPage> => call(adminOrderList({ client: api, query: state })),
    get: (id: number): Promise<AdminOrder> => call(adminOrderGet({ client: api, path: { id } })),
    payment: (id: number): Promise<OrderPaymentInfo> => call(adminPaymentGet({ client: api, path: { id } })),
    /** null until the order is shipped (the API answers 404 then) */
    async shippingUpload(id: number): Promise<ShippingUpload | null> {
      try {
        return await call(adminWechatShippingStatus({ client: api, path: { id } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    reupload: (id: number): Promise<ShippingUpload> =>
      call(adminWechatShippingReupload({ client: api, path: { id }, body: {} })),
    aftersales: async (orderId: number): Promise<AfterSale[]> =>
      (await call(adminAfterSaleList({ client: api, query: { orderId } }))).items,
    /** the carriers the API knows, read once per visit */
    carriers(): Promise<Carrier[]> {
      carriers ??= call(logisticsCarriers({ client: api })).catch((e: unknown) => {
        carriers = null;
        throw e;
      });
      return carriers;
    },
    ship: (id: number, body: ShipOrderRequest): Promise<AdminOrder> =>
      call(adminShipmentShip({ client: api, path: { id }, body })),
    bulkShip: (rows: BulkShipRow[]): Promise<BulkShipResult> =>
      call(adminShipmentBulkShip({ client: api, body: { rows } })),
    refund: (id: number, reason: string): Promise<Order> =>
      call(adminRefundRefund({ client: api, path: { id }, body: { reason } })),
    /** Asks the API for the CSV of the filtered list and saves it as a file (its bytes as sent: BOM kept). */
    async download(filter: AdminOrderFilter): Promise<void> {
      const data: unknown = await call(adminOrderExportCsv({ client: api, query: filter, parseAs: 'blob' }));
      const blob = data instanceof Blob ? data : new Blob([String(data)], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `订单-${beijingDate()}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
