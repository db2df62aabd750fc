import { randomInt } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredEvent } from '../../src/modules/events/event-store';
import { EventWriterService } from '../../src/modules/events/event-writer.service';
import { OrderEntity } from '../../src/modules/order/entities/order.entity';
import { type Admin, buyer, createProduct, payOrder, placeOrder } from './factories';
import type { TestApp } from './test-app';

const DAY = 86_400_000;

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A page view of `userId` stored `ageDays` ago (page `pages/ttl/<ageDays>`), for the retention sweepers. */
export const agedPageView = (userId: number, ageDays: number): StoredEvent => ({
  type: 'page_view',
  userId,
  productId: null,
  orderId: null,
  keyword: null,
  page: `pages/ttl/${ageDays}`,
  amount: null,
  requestId: null,
  clientTime: null,
  serverTime: new Date(Date.now() - ageDays * DAY),
  props: null,
});

/** Moves the given shoppers' stored events to one instant (each store does it its own way). */
export type MoveEvents = (userIds: number[], serverTime: Date) => Promise<void>;

/**
 * The analytics scenario both event stores must answer identically. 4 shoppers view product A
 * (one twice) and one also views B; 3 add A to the cart; 2 order; 1 pays (WeChat Pay through the sandbox). Searches: "连衣裙" ×3
 * (two spellings), "T恤" ×1. Events go in over HTTP and through the order flow; then, because
 * other test files share a MariaDB (and MongoDB), the scenario is moved to a Beijing day in the
 * 2090s that nobody else writes to and no retention sweeper touches. Orders at 23:00 and 00:30
 * Beijing time land on two different days.
 */
export async function runAnalyticsScenario(t: TestApp, admin: Admin, moveEvents: MoveEvents): Promise<void> {
  const now = () => new Date().toISOString();
  const a = await createProduct(t, { price: 3000, stock: 20 });
  const b = await createProduct(t, { price: 1000, stock: 20 });
  const shoppers = await Promise.all([buyer(t), buyer(t), buyer(t), buyer(t)]);
  const view = (productId: number) => ({
    type: 'product_view',
    page: 'pages/product/detail/index',
    productId,
    clientTime: now(),
  });
  const cart = { type: 'add_to_cart', page: 'pages/product/detail/index', productId: a.productId, clientTime: now() };
  const search = (keyword: string) => ({ type: 'search', page: 'pages/search/index', keyword, clientTime: now() });
  const batches = [
    [view(a.productId), view(a.productId), cart, search('连衣裙')],
    [view(a.productId), cart, search(' 连衣裙 ')],
    [view(a.productId), view(b.productId), cart, search('T恤'), search('连衣裙')],
    [view(a.productId)],
  ];
  for (const [i, events] of batches.entries()) {
    await t.http.post('/api/v1/events').set(shoppers[i].shopper.auth).send({ events }).expect(202);
  }
  const placed = [];
  for (const s of shoppers.slice(0, 2))
    placed.push(await placeOrder(t, { buyer: s, items: [{ skuId: a.skuIds[0], quantity: 1 }] }));
  const orders = placed.map((p) => p.order);
  // the first order is paid through WeChat Pay (the sandbox pays and sends the signed notification)
  const payment = await payOrder(t, placed[0].shopper, placed[0].order);
  expect(payment.deliveries[0].delivered).toBe(true);
  await t.app.get(EventWriterService).flush();

  const day = await freeDay(t, admin);
  const at = (beijing: string, plusDays = 0) => new Date(Date.parse(`${day}T${beijing}+08:00`) + plusDays * DAY);
  await moveEvents(
    shoppers.map((s) => s.shopper.userId),
    at('12:00:00'),
  );
  const repo = t.app.get<DataSource>(getDataSourceToken()).getRepository(OrderEntity);
  await repo.update({ id: orders[0].id }, { createdAt: at('23:00:00'), paidAt: at('23:30:00') });
  await repo.update({ id: orders[1].id }, { createdAt: at('00:30:00', 1) });

  const range = { from: day, to: isoDay(Date.parse(`${day}T00:00:00Z`) + 2 * DAY) };
  const report = (path: string, query: Record<string, string | number> = range) =>
    t.http.get(`/api/v1/admin/analytics/${path}`).query(query).set(admin.auth).expect(200);

  expect((await report('funnel')).body).toEqual({
    from: at('00:00:00').toISOString(),
    to: at('00:00:00', 2).toISOString(),
    steps: [
      { step: 'product_view', users: 4, conversion: 1 },
      { step: 'add_to_cart', users: 3, conversion: 0.75 },
      { step: 'order_created', users: 2, conversion: 0.6667 },
      { step: 'order_paid', users: 1, conversion: 0.5 },
    ],
  });
  expect((await report('top-products')).body.items).toEqual([
    // 5 views of A by 4 shoppers: the report counts shoppers
    { productId: a.productId, title: a.title, views: 4 },
    { productId: b.productId, title: b.title, views: 1 },
  ]);
  expect((await report('top-products', { ...range, limit: 1 })).body.items).toHaveLength(1);
  expect((await report('top-searches')).body.items).toEqual([
    { keyword: '连衣裙', count: 3 },
    { keyword: 't恤', count: 1 },
  ]);
  expect((await report('daily-sales')).body.days).toEqual([
    {
      date: day,
      orders: 1,
      paidOrders: 1,
      gmv: orders[0].payableAmount,
      refunds: 0,
      refunded: 0,
      net: orders[0].payableAmount,
    },
    {
      date: isoDay(Date.parse(`${day}T00:00:00Z`) + DAY),
      orders: 1,
      paidOrders: 0,
      gmv: 0,
      refunds: 0,
      refunded: 0,
      net: 0,
    },
  ]);
}

/** A Beijing day in the 2090s with no events and no orders in it or the day after. */
async function freeDay(t: TestApp, admin: Admin): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const day = isoDay(Date.UTC(2090, 0, 1) + randomInt(0, 3650) * DAY);
    const range = { from: day, to: isoDay(Date.parse(`${day}T00:00:00Z`) + 2 * DAY) };
    const get = (path: string) =>
      t.http.get(`/api/v1/admin/analytics/${path}`).query(range).set(admin.auth).expect(200);
    const [funnel, sales] = await Promise.all([get('funnel'), get('daily-sales')]);
    const used =
      funnel.body.steps.some((s: { users: number }) => s.users > 0) ||
      sales.body.days.some((d: { orders: number; paidOrders: number }) => d.orders + d.paidOrders > 0);
    if (!used) return day;
  }
  throw new Error('no free day found in the 2090s');
}
