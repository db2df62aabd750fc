import { randomInt, randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MAX_EVENTS_PER_BATCH } from '@sutwxapp/contracts';
import { In, type DataSource } from 'typeorm';
import { AuditService } from '../src/modules/events/audit.service';
import { EVENT_STORE, type EventStore } from '../src/modules/events/event-store';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { BehaviourEventEntity } from '../src/modules/events/sql/behaviour-event.entity';
import { EventsTtlSweeper } from '../src/modules/events/sql/events-ttl-sweeper.service';
import {
  type Admin,
  buyer,
  createAdmin,
  createProduct,
  createShopper,
  placeOrder,
  type Shopper,
  submitOrder,
} from './support/factories';
import { agedPageView, runAnalyticsScenario } from './support/events-scenario';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;

describe(`behaviour events and audit on the SQL store (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  let store: EventStore;
  let writer: EventWriterService;

  beforeAll(async () => {
    t = await startTestApp({ MONGODB_URI: '', EVENTS_TTL_DAYS: '30' });
    admin = await createAdmin(t);
    store = t.app.get<EventStore>(EVENT_STORE);
    writer = t.app.get(EventWriterService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ds = () => t.app.get<DataSource>(getDataSourceToken());
  const now = () => new Date().toISOString();
  const post = (shopper: Shopper, events: unknown[]) =>
    t.http.post('/api/v1/events').set(shopper.auth).send({ events });

  it('takes a batch at once (202), then stores it with user, server time and request id', async () => {
    expect(store.backend).toBe('sql');
    const shopper = await createShopper(t);
    const stale = new Date(Date.now() - 30 * DAY).toISOString();
    const res = await t.http
      .post('/api/v1/events')
      .set(shopper.auth)
      .set('X-Request-Id', 'req-events-1')
      .send({
        events: [
          { type: 'page_view', page: 'pages/home/index', clientTime: now() },
          { type: 'product_view', page: 'pages/product/detail/index', productId: 42, clientTime: now() },
          { type: 'search', page: 'pages/search/index', keyword: '  Red   SHOES ', clientTime: stale },
        ],
      })
      .expect(202);
    expect(res.body).toEqual({ accepted: 3 });
    await writer.flush();
    const rows = await store.recentEvents({ userId: shopper.userId }, 10);
    expect(rows.map((r) => r.type).sort()).toEqual(['page_view', 'product_view', 'search']);
    for (const row of rows) {
      expect(row).toMatchObject({ userId: shopper.userId, requestId: 'req-events-1' });
      expect(Math.abs(row.serverTime.getTime() - Date.now())).toBeLessThan(60_000);
    }
    const search = rows.find((r) => r.type === 'search')!;
    expect(search).toMatchObject({ keyword: 'red shoes', page: 'pages/search/index', clientTime: null });
    expect(rows.find((r) => r.type === 'product_view')).toMatchObject({ productId: 42 });
    expect(rows.find((r) => r.type === 'page_view')!.clientTime).toBeInstanceOf(Date);
    expect(writer.pending()).toEqual({ behaviour: 0, server: 0, audit: 0 });
  });

  it('takes exactly 50 events, refuses 51 and empty batches, and stores nothing refused', async () => {
    const shopper = await createShopper(t);
    const event = { type: 'page_view', page: 'pages/home/index', clientTime: now() };
    const full = await post(
      shopper,
      Array.from({ length: MAX_EVENTS_PER_BATCH }, () => event),
    ).expect(202);
    expect(full.body.accepted).toBe(50);
    const over = await post(
      shopper,
      Array.from({ length: 51 }, () => event),
    ).expect(400);
    expect(over.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('at most 50') });
    await post(shopper, []).expect(400);
    await t.http.post('/api/v1/events').set(shopper.auth).send({}).expect(400);
    await writer.flush();
    expect(await store.recentEvents({ userId: shopper.userId }, 100)).toHaveLength(50);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown type', { type: 'purchase', page: 'p', clientTime: 'now' }, 'events.0.type'],
    ['a missing page', { type: 'page_view', clientTime: 'now' }, 'events.0.page'],
    ['a blank page', { type: 'page_view', page: '   ', clientTime: 'now' }, 'events.0.page'],
    ['a page over 200 characters', { type: 'page_view', page: 'p'.repeat(201), clientTime: 'now' }, 'events.0.page'],
    ['product_view without productId', { type: 'product_view', page: 'p', clientTime: 'now' }, 'events.0.productId'],
    [
      'add_to_cart with a bad productId',
      { type: 'add_to_cart', page: 'p', productId: -1, clientTime: 'now' },
      'events.0.productId',
    ],
    [
      'a fractional productId',
      { type: 'page_view', page: 'p', productId: 1.5, clientTime: 'now' },
      'events.0.productId',
    ],
    ['search without keyword', { type: 'search', page: 'p', clientTime: 'now' }, 'events.0.keyword'],
    [
      'a keyword over 50 characters',
      { type: 'search', page: 'p', keyword: 'k'.repeat(51), clientTime: 'now' },
      'events.0.keyword',
    ],
    [
      'a clientTime that is not a date',
      { type: 'page_view', page: 'p', clientTime: 'yesterday' },
      'events.0.clientTime',
    ],
    ['a missing clientTime', { type: 'page_view', page: 'p' }, 'events.0.clientTime'],
    ['an unknown field', { type: 'page_view', page: 'p', clientTime: 'now', userId: 1 }, 'events.0.userId'],
  ])('refuses %s with a field error', async (_what, raw, field) => {
    const shopper = await createShopper(t);
    const event = { ...raw, ...(raw.clientTime === 'now' ? { clientTime: now() } : {}) };
    const res = await post(shopper, [{ type: 'page_view', page: 'ok', clientTime: now() }, event]).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field.replace('events.0', 'events.1'));
    await writer.flush();
    expect(await store.recentEvents({ userId: shopper.userId }, 10)).toEqual([]);
  });

  it('needs a shopper token', async () => {
    const event = { type: 'page_view', page: 'p', clientTime: now() };
    await t.http
      .post('/api/v1/events')
      .send({ events: [event] })
      .expect(401);
    await t.http
      .post('/api/v1/events')
      .set(admin.auth)
      .send({ events: [event] })
      .expect(403);
  });

  it('records order events after the commit, and none for an order that rolled back', async () => {
    const { shopper, addressId } = await buyer(t);
    const p = await createProduct(t, { stock: 1, price: 2500 });
    const failed = await submitOrder(t, shopper, {
      items: [{ skuId: p.skuIds[0], quantity: 2 }],
      addressId,
    }).expect(409);
    expect(failed.body.code).toBe('OUT_OF_STOCK');
    await writer.flush();
    expect(await store.recentEvents({ userId: shopper.userId }, 10)).toEqual([]);

    const { order: created } = await placeOrder(t, {
      buyer: { shopper, addressId },
      items: [{ skuId: p.skuIds[0], quantity: 1 }],
    });
    await t.http.post(`/api/v1/orders/${created.id}/cancel`).set(shopper.auth).expect(200);
    await writer.flush();
    const events = await store.recentEvents({ userId: shopper.userId }, 10);
    expect(events.map((e) => e.type)).toEqual(['order_cancelled', 'order_created']);
    expect(events[1]).toMatchObject({
      orderId: created.id,
      amount: created.payableAmount,
      props: {
        orderNo: created.orderNo,
        items: [{ productId: p.productId, skuId: p.skuIds[0], quantity: 1 }],
      },
    });
    expect(events[0]).toMatchObject({ orderId: created.id, props: { reason: 'shopper_cancelled' } });
  });

  it('audits every WeChat Pay notification delivery, accepted or refused', async () => {
    const sandbox = t.sandbox;
    const order = await placeOrder(t, { product: { stock: 5 } });
    await t.http.post(`/api/v1/orders/${order.orderId}/pay`).set(order.shopper.auth).expect(200);
    const forged = sandbox.pay.buildNotification({
      eventType: 'TRANSACTION.SUCCESS',
      resource: (await sandbox.simulatePayment(order.orderNo, { notify: false })).transaction,
      forgery: 'bad_signature',
    });
    await t.http
      .post('/api/v1/payments/wechat/notify')
      .set(forged.headers)
      .set('content-type', 'application/json')
      .send(forged.body)
      .expect(401);
    const paid = await sandbox.simulatePayment(order.orderNo);
    await writer.flush();
    const audit = await store.recentAudit({ kind: 'payment_notification' }, 200);
    const byId = (id: string) => audit.find((a) => a.payload.notificationId === id);
    expect(byId(paid.deliveries[0].notificationId)).toMatchObject({
      actorType: 'wechatpay',
      actorId: expect.any(String),
      requestId: expect.any(String),
      payload: { route: '/api/v1/payments/wechat/notify', eventType: 'TRANSACTION.SUCCESS', statusCode: 204 },
    });
    expect(byId(forged.id)).toMatchObject({ payload: { statusCode: 401 } });
    // and the payment itself became an order_paid event, after its commit
    const events = await store.recentEvents({ type: 'order_paid', orderId: order.orderId }, 5);
    expect(events).toEqual([expect.objectContaining({ userId: order.shopper.userId, amount: order.payable })]);
  });

  it('masks secrets and bounds the size of what other features record', async () => {
    const requestId = `audit-${randomUUID()}`;
    t.app.get(AuditService).record('payment_notification', { type: 'system' }, { note: 'x'.repeat(20_000) }, requestId);
    t.app
      .get(AuditService)
      .record(
        'payment_notification',
        { type: 'system', id: 7 },
        { outTradeNo: 'T1', headers: { authorization: 'WECHATPAY2 …', 'x-other': 'kept' }, apiV3Key: 'k' },
        requestId,
      );
    await writer.flush();
    const mine = (await store.recentAudit({ kind: 'payment_notification' }, 200)).filter(
      (a) => a.requestId === requestId,
    );
    expect(mine.map((a) => a.payload)).toEqual([
      { outTradeNo: 'T1', headers: { authorization: '[redacted]', 'x-other': 'kept' }, apiV3Key: '[redacted]' },
      { truncated: true, preview: expect.stringMatching(/^\{"note":"x+$/) },
    ]);
    expect(mine[0]).toMatchObject({ actorType: 'system', actorId: '7' });
  });

  it('answers the funnel, top products, top searches and daily sales for a scripted scenario', async () => {
    await runAnalyticsScenario(t, admin, async (userIds, serverTime) => {
      await ds()
        .createQueryBuilder()
        .update(BehaviourEventEntity)
        .set({ serverTime })
        .where({ userId: In(userIds) })
        .execute();
    });
  });

  it('validates analytics ranges and is for operators only', async () => {
    const shopper = await createShopper(t);
    const get = (path: string, query: Record<string, string | number>) =>
      t.http.get(`/api/v1/admin/analytics/${path}`).query(query).set(admin.auth);
    const fresh = await get('funnel', {}).expect(200);
    expect(fresh.body.steps.map((s: { step: string }) => s.step)).toEqual([
      'product_view',
      'add_to_cart',
      'order_created',
      'order_paid',
    ]);
    expect(Date.parse(fresh.body.to) - Date.parse(fresh.body.from)).toBe(7 * DAY);
    expect((await get('daily-sales', {}).expect(200)).body.days.length).toBeGreaterThanOrEqual(7);
    expect((await get('funnel', { from: '2025-02-01', to: '2025-01-01' }).expect(400)).body.message).toContain(
      'from must be before to',
    );
    expect((await get('daily-sales', { from: '2023-01-01', to: '2025-01-01' }).expect(400)).body.message).toContain(
      '366 days',
    );
    await get('top-products', { from: 'last week' }).expect(400);
    await get('top-searches', { limit: 101 }).expect(400);
    await get('top-searches', { limit: 0 }).expect(400);
    await t.http.get('/api/v1/admin/analytics/funnel').set(shopper.auth).expect(403);
    await t.http.get('/api/v1/admin/analytics/funnel').expect(401);
  });

  it('deletes SQL events older than EVENTS_TTL_DAYS and keeps younger ones', async () => {
    const userId = 2_000_000_000 + randomInt(0, 100_000_000);
    const event = (ageDays: number) => agedPageView(userId, ageDays);
    await store.insertEvents([event(31), event(29)]);
    const deleted = await t.app.get(EventsTtlSweeper).purgeExpired();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await store.recentEvents({ userId }, 10)).map((e) => e.page)).toEqual(['pages/ttl/29']);
  });
});

describe('behaviour events with MongoDB unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // nothing listens on port 9: the lazy connection never opens and every write times out
    t = await startTestApp({ MONGODB_URI: 'mongodb://127.0.0.1:9/sutwxapp?serverSelectionTimeoutMS=500' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function dropped(): Promise<number> {
    const text = (await t.http.get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith('shop_events_dropped_total{reason="store_error"}'));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('still answers 202 at once, and counts the events it could not store', async () => {
    const before = await dropped();
    const shopper = await createShopper(t);
    const started = Date.now();
    const res = await t.http
      .post('/api/v1/events')
      .set(shopper.auth)
      .send({ events: [{ type: 'page_view', page: 'pages/home/index', clientTime: new Date().toISOString() }] })
      .expect(202);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.body).toEqual({ accepted: 1 });
    await t.app.get(EventWriterService).flush();
    expect(await dropped()).toBe(before + 1);
  });
});
