import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Order } from '@sutwxapp/contracts';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { DataSource } from 'typeorm';
import { TransactionService } from '../../src/database/transaction.service';
import { AdminAccountService } from '../../src/modules/auth/admin-account.service';
import { SkuEntity } from '../../src/modules/catalog/entities/sku.entity';
import { OrderTransitionsService } from '../../src/modules/order/order-transitions.service';
import type { TestApp } from './test-app';
import sampleAddressJson from './sample-address.json';

/*
 * The one place tests make what they need: shoppers and operators, products (always through
 * the admin API, as an operator would), addresses, and orders (through the order API). Each
 * test makes its own, so tests never depend on each other's data or order.
 */

// ---- people ----------------------------------------------------------------------------------

export interface Shopper {
  token: string;
  userId: number;
  auth: { Authorization: string };
}

/** A new shopper, logged in through the real WeChat login flow against the sandbox. */
export async function createShopper(t: TestApp, code = `shopper-${randomUUID()}`): Promise<Shopper> {
  const res = await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(200);
  const token = res.body.accessToken as string;
  return { token, userId: res.body.user.id as number, auth: { Authorization: `Bearer ${token}` } };
}

export interface Admin {
  token: string;
  auth: { Authorization: string };
}

/** A new operator account created through the real service, logged in over HTTP. */
export async function createAdmin(t: TestApp): Promise<Admin> {
  const username = `ops-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  await t.app.get(AdminAccountService).create(username, password);
  const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
  const token = res.body.accessToken as string;
  return { token, auth: { Authorization: `Bearer ${token}` } };
}

const catalogOperators = new WeakMap<TestApp, Promise<Admin>>();

/** The operator that makes products for tests that have no operator of their own (one per app). */
function catalogOperator(t: TestApp): Promise<Admin> {
  let admin = catalogOperators.get(t);
  if (!admin) catalogOperators.set(t, (admin = createAdmin(t)));
  return admin;
}

// ---- catalog ---------------------------------------------------------------------------------

/** A new category created through the admin API (top-level unless parentId is given). */
export async function createCategory(
  t: TestApp,
  admin: Pick<Admin, 'auth'>,
  opts: { name?: string; parentId?: number | null; sortOrder?: number } = {},
): Promise<number> {
  const res = await t.http
    .post('/api/v1/admin/categories')
    .set(admin.auth)
    .send({
      name: opts.name ?? `分类-${randomUUID().slice(0, 8)}`,
      parentId: opts.parentId ?? null,
      sortOrder: opts.sortOrder,
    })
    .expect(201);
  return res.body.id as number;
}

export interface CreatedProduct {
  productId: number;
  skuIds: number[];
  categoryId: number;
  title: string;
}

export interface ProductOptions {
  /** each SKU's stock (default 10) */
  stock?: number;
  /** fen (default 1990) */
  price?: number;
  originalPrice?: number | null;
  onShelf?: boolean;
  /** one SKU per entry, all at `price` (default: a single SKU without spec axes) */
  specs?: Array<Record<string, string>>;
  /** instead of `specs`: this many SKUs sized 尺码 S, M, L, XL, XXL, the n-th at `price + n × 100` */
  skus?: number;
  /** default: a new top-level category */
  categoryId?: number;
  title?: string;
  subtitle?: string | null;
  /** the operator who creates it (default: one operator per app, made on first use) */
  admin?: Admin;
}

/** A product created through the admin API, as an operator would (caches, search index and all). */
export async function createProduct(t: TestApp, opts: ProductOptions = {}): Promise<CreatedProduct> {
  const admin = opts.admin ?? (await catalogOperator(t));
  const categoryId = opts.categoryId ?? (await createCategory(t, admin));
  const price = opts.price ?? 1990;
  const sizes = ['S', 'M', 'L', 'XL', 'XXL'].slice(0, opts.skus ?? 0);
  const skus =
    sizes.length > 0
      ? sizes.map((size, n) => ({ specs: { 尺码: size }, price: price + n * 100 }))
      : (opts.specs ?? [{}]).map((specs) => ({ specs, price }));
  const axes = new Map<string, string[]>();
  for (const { specs } of skus) {
    for (const [name, value] of Object.entries(specs)) {
      const values = axes.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      axes.set(name, values);
    }
  }
  const title = opts.title ?? `测试商品-${randomUUID().slice(0, 8)}`;
  const res = await t.http
    .post('/api/v1/admin/products')
    .set(admin.auth)
    .send({
      title,
      subtitle: opts.subtitle ?? null,
      categoryId,
      images: ['/api/v1/assets/demo/p01.svg'],
      onShelf: opts.onShelf ?? true,
      specAxes: [...axes].map(([name, values]) => ({ name, values })),
      skus: skus.map((sku) => ({ ...sku, originalPrice: opts.originalPrice ?? null, stock: opts.stock ?? 10 })),
    })
    .expect(201);
  return {
    productId: res.body.id as number,
    skuIds: (res.body.skus as Array<{ id: number }>).map((s) => s.id),
    categoryId,
    title,
  };
}

/** Puts a product on or off the shelf through the admin API. */
export async function setShelf(t: TestApp, productId: number, onShelf: boolean): Promise<void> {
  const admin = await catalogOperator(t);
  await t.http.patch(`/api/v1/admin/products/${productId}`).set(admin.auth).send({ onShelf }).expect(200);
}

/** A SKU's stock as the database has it now. */
export async function skuStock(t: TestApp, skuId: number): Promise<number> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  return (await ds.getRepository(SkuEntity).findOneByOrFail({ id: skuId })).stock;
}

// ---- addresses and orders --------------------------------------------------------------------

/** A JSON file: the resilience suite (test/resilience/lib/shop.mjs, plain Node) sends the same address. */
export const sampleAddress = sampleAddressJson;

export async function createAddress(
  t: TestApp,
  shopper: Shopper,
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const res = await t.http
    .post('/api/v1/addresses')
    .set(shopper.auth)
    .send({ ...sampleAddress, ...overrides })
    .expect(201);
  return res.body.id as number;
}

export interface Buyer {
  shopper: Shopper;
  addressId: number;
}

/** A new shopper with an address (`address` overrides the sample's fields). */
export async function buyer(t: TestApp, address: Record<string, unknown> = {}): Promise<Buyer> {
  const shopper = await createShopper(t);
  return { shopper, addressId: await createAddress(t, shopper, address) };
}

export interface PlacedOrder extends Buyer {
  orderId: number;
  orderNo: string;
  payable: number;
  /** the first line's SKU */
  skuId: number;
  /** the product made for the order when `items` named none */
  product: CreatedProduct | null;
  /** the order as POST /orders answered it (before any `advance`) */
  order: Order;
}

export interface OrderOptions {
  /** who orders: a buyer as is, or a shopper who gets a new address (default: a new buyer) */
  buyer?: Buyer;
  shopper?: Shopper;
  /** fields of the new address */
  address?: Record<string, unknown>;
  /** default: `quantity` of a new product's first SKU */
  items?: Array<{ skuId: number; quantity: number }>;
  quantity?: number;
  /** the new product, when `items` names none */
  product?: ProductOptions;
  /** more of the request body (remark, couponId, points) */
  body?: Record<string, unknown>;
  /** then moved on through the order process itself (see advanceOrder) */
  advance?: Array<'pay' | 'ship'>;
}

/**
 * POST /orders as this shopper with `body` as is (items or fromCart, addressId, …), optionally
 * under an Idempotency-Key; the answer's status is the caller's to expect (placeOrder expects 201).
 */
export function submitOrder(
  t: TestApp,
  shopper: Pick<Shopper, 'auth'>,
  body: Record<string, unknown>,
  idempotencyKey?: string,
) {
  const req = t.http.post('/api/v1/orders').set(shopper.auth);
  return (idempotencyKey === undefined ? req : req.set('Idempotency-Key', idempotencyKey)).send(body);
}

/** An order placed through POST /orders (201 expected): PENDING_PAYMENT, its stock reserved. */
export async function placeOrder(t: TestApp, opts: OrderOptions = {}): Promise<PlacedOrder> {
  const who =
    opts.buyer ??
    (opts.shopper
      ? { shopper: opts.shopper, addressId: await createAddress(t, opts.shopper, opts.address) }
      : await buyer(t, opts.address));
  const product = opts.items ? null : await createProduct(t, opts.product);
  const items = opts.items ?? [{ skuId: product!.skuIds[0], quantity: opts.quantity ?? 1 }];
  const res = await submitOrder(t, who.shopper, { items, addressId: who.addressId, ...opts.body }).expect(201);
  const order = res.body as Order;
  if (opts.advance) await advanceOrder(t, order.id, ...opts.advance);
  return {
    ...who,
    orderId: order.id,
    orderNo: order.orderNo,
    payable: order.payableAmount,
    skuId: items[0].skuId,
    product,
    order,
  };
}

/** The order's status as its shopper reads it. */
export async function orderStatus(t: TestApp, placed: { shopper: Shopper; orderId: number }): Promise<string> {
  return (await t.http.get(`/api/v1/orders/${placed.orderId}`).set(placed.shopper.auth).expect(200)).body.status;
}

/** Delivers a WeChat Pay notification (a payment's, or a refund's) the way WeChat Pay does. */
export function deliverWechatPayNotification(
  t: TestApp,
  n: { headers: Record<string, string>; body: string },
  path: 'notify' | 'refund-notify' = 'notify',
) {
  return t.http
    .post(`/api/v1/payments/wechat/${path}`)
    .set(n.headers)
    .set('content-type', 'application/json')
    .send(n.body);
}

/**
 * Pays a shopper's order through WeChat Pay as the mini-program does: the pay parameters, then
 * the sandbox pays and sends its signed notification. Answers the sandbox's simulation.
 */
export async function payOrder(
  t: TestApp,
  shopper: Shopper,
  order: { id: number; orderNo: string },
): Promise<Awaited<ReturnType<WechatSandbox['simulatePayment']>>> {
  await t.http.post(`/api/v1/orders/${order.id}/pay`).set(shopper.auth).expect(200);
  return t.sandbox.simulatePayment(order.orderNo);
}

/**
 * Moves an order on through the order process itself (no WeChat Pay, no operator), in one
 * transaction: `pay` as a verified payment would, `ship` as an operator would (yuantong YT1).
 */
export async function advanceOrder(t: TestApp, orderId: number, ...steps: Array<'pay' | 'ship'>): Promise<void> {
  const transitions = t.app.get(OrderTransitionsService);
  await t.app.get(TransactionService).run(async (em) => {
    for (const step of steps) {
      const patch =
        step === 'pay' ? { paidAt: new Date() } : { shippedAt: new Date(), carrierCode: 'yuantong', trackingNo: 'YT1' };
      await transitions.require(em, orderId, step, patch);
    }
  });
}
