import { randomUUID } from 'node:crypto';
import type { OperatorRole } from '@sutwxapp/contracts';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionService } from '../../src/database/transaction.service';
import { AdminAccountService } from '../../src/modules/auth/admin-account.service';
import { OrderTransitionsService } from '../../src/modules/order/order-transitions.service';
import { type CreatedProduct, placeOrder, type Shopper } from './factories';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

/** Customer-service work for the console's tests: operators by role, paid and completed orders, requests. */

export interface Operator {
  id: number;
  username: string;
  password: string;
  auth: { Authorization: string };
}

/** An operator account of `role`, created through the real service and signed in over HTTP. */
export async function createOperator(t: TestApp, role: OperatorRole, prefix: string = role): Promise<Operator> {
  const username = `${prefix.slice(0, 8)}-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const account = await t.app.get(AdminAccountService).create(username, password, role);
  const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
  return { id: account.id, username, password, auth: { Authorization: `Bearer ${res.body.accessToken as string}` } };
}

export interface PlacedOrder {
  id: number;
  orderNo: string;
  payableAmount: number;
}

/** The shopper orders `quantity` of the product's first SKU and pays it in the sandbox (PAID). */
export async function paidOrder(
  t: TestApp,
  shopper: Shopper,
  product: CreatedProduct,
  opts: { quantity?: number; couponId?: number } = {},
): Promise<PlacedOrder> {
  const { order } = await placeOrder(t, {
    shopper,
    items: [{ skuId: product.skuIds[0], quantity: opts.quantity ?? 1 }],
    body: opts.couponId ? { couponId: opts.couponId } : {},
  });
  await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
  await t.sandbox.simulatePayment(order.orderNo);
  await waitFor(async () => (await t.http.get(`/api/v1/orders/${order.id}`).set(shopper.auth)).body.status === 'PAID');
  return order;
}

/** A paid order moved on to COMPLETED (shipped through the order process, received by the shopper): its one item's id. */
export async function completedOrderItem(
  t: TestApp,
  shopper: Shopper,
  product: CreatedProduct,
): Promise<{ orderId: number; orderItemId: number }> {
  const order = await paidOrder(t, shopper, product);
  const transitions = t.app.get(OrderTransitionsService);
  await t.app.get(TransactionService).run(async (em) => {
    await transitions.require(em, order.id, 'ship', {
      shippedAt: new Date(),
      carrierCode: 'yuantong',
      trackingNo: `YT${Date.now()}`,
    });
  });
  await t.http.post(`/api/v1/orders/${order.id}/confirm-receipt`).set(shopper.auth).expect(200);
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const [item] = (await ds.query('SELECT id FROM order_items WHERE order_id = ?', [order.id])) as Array<{ id: number }>;
  return { orderId: order.id, orderItemId: Number(item.id) };
}

/** The shopper asks for an after-sale on the order's first line (REQUESTED). */
export async function requestAfterSale(
  t: TestApp,
  shopper: Shopper,
  order: PlacedOrder,
  product: CreatedProduct,
  body: { type?: 'REFUND_ONLY' | 'RETURN_REFUND'; reason?: string; description?: string; photos?: string[] } = {},
): Promise<{ id: number; refundAmount: number }> {
  const res = await t.http
    .post('/api/v1/aftersales')
    .set(shopper.auth)
    .send({
      orderId: order.id,
      skuId: product.skuIds[0],
      quantity: 1,
      type: body.type ?? 'REFUND_ONLY',
      reason: body.reason ?? '商品破损',
      ...(body.description ? { description: body.description } : {}),
      ...(body.photos ? { photos: body.photos } : {}),
    })
    .expect(201);
  return res.body as { id: number; refundAmount: number };
}

/** A JPEG the shopper uploads for a review or an after-sale request (POST /media?kind=review). */
export async function uploadPhoto(
  t: TestApp,
  shopper: Shopper,
  jpeg: Buffer,
  filename: string,
): Promise<{ ref: string; url: string }> {
  const res = await t.http
    .post('/api/v1/media?kind=review')
    .set(shopper.auth)
    .attach('file', jpeg, { filename, contentType: 'image/jpeg' })
    .expect(201);
  return res.body.items[0] as { ref: string; url: string };
}

/**
 * What customer service finds in its queue: the shopper's paid order (`quantity` of the product's
 * first SKU), then a request to refund one of them, with a description and an uploaded photo.
 */
export async function afterSaleWithPhoto(
  t: TestApp,
  shopper: Shopper,
  product: CreatedProduct,
  opts: { quantity?: number; reason: string; description: string; jpeg: Buffer; filename: string },
): Promise<{ order: PlacedOrder; request: { id: number; refundAmount: number }; photo: { ref: string; url: string } }> {
  const order = await paidOrder(t, shopper, product, { quantity: opts.quantity });
  const photo = await uploadPhoto(t, shopper, opts.jpeg, opts.filename);
  const request = await requestAfterSale(t, shopper, order, product, {
    reason: opts.reason,
    description: opts.description,
    photos: [photo.ref],
  });
  return { order, request, photo };
}

/** Today as the reports count it: yyyy-MM-dd in Beijing time. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
