import { randomUUID } from 'node:crypto';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Kuaidi100Client } from '@sutwxapp/wechat';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { OrderStatus } from '@sutwxapp/contracts';
import { IsNull, type Repository } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../src/modules/events/event-store';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { OrderEntity } from '../src/modules/order/entities/order.entity';
import { OrderSweeperService } from '../src/modules/order/order-sweeper.service';
import { type Admin, createAdmin, createShopper, placeOrder, type Shopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const STEP = 10 * 60_000; // the sandbox's default time between two scans

describe(`logistics (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;
  let sandbox: WechatSandbox;

  beforeAll(async () => {
    // the day-count rule (7 days) and the signed rule (3 days) are told apart below; the tests
    // run the sweeper themselves with a future "now", so the background one is slowed down
    t = await startTestApp({
      ORDER_AUTO_CONFIRM_DAYS: '7',
      ORDER_SIGNED_CONFIRM_DAYS: '3',
      SWEEP_INTERVAL_MS: '3600000',
      MONGODB_URI: '',
    });
    admin = await createAdmin(t);
    sandbox = t.sandbox;
  });
  afterAll(async () => {
    await t?.close();
  });

  const orders = () => t.app.get<Repository<OrderEntity>>(getRepositoryToken(OrderEntity));
  const unique = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

  function ship(orderId: number, carrierCode: string, trackingNo: string) {
    return t.http.post(`/api/v1/admin/orders/${orderId}/ship`).set(admin.auth).send({ carrierCode, trackingNo });
  }

  function track(shopper: Shopper, orderId: number) {
    return t.http.get(`/api/v1/orders/${orderId}/logistics`).set(shopper.auth);
  }

  it('lists the supported carriers to anyone, with their Chinese names and phone requirement', async () => {
    const res = await t.http.get('/api/v1/logistics/carriers').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { code: 'yuantong', name: '圆通速递', phoneRequired: false },
        { code: 'shunfeng', name: '顺丰速运', phoneRequired: true },
        { code: 'zhongtong', name: '中通快递', phoneRequired: true },
      ]),
    );
    expect(res.body.length).toBeGreaterThanOrEqual(10);
  });

  it('ships a paid order, and the shopper tracks it through Kuaidi100 with a cached second read', async () => {
    const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
    const num = unique('YT');
    const shipped = await ship(orderId, ' YuanTong ', num).expect(200);
    expect(shipped.body).toMatchObject({
      id: orderId,
      status: 'SHIPPED',
      shipment: { carrierCode: 'yuantong', carrierName: '圆通速递', trackingNo: num },
    });
    const mine = await t.http.get(`/api/v1/orders/${orderId}`).set(shopper.auth).expect(200);
    expect(mine.body.status).toBe('SHIPPED');

    const first = await track(shopper, orderId).expect(200);
    expect(first.body).toMatchObject({
      carrier: { code: 'yuantong', name: '圆通速递', phoneRequired: false },
      trackingNo: num,
      state: 1,
      stateText: '揽收',
      signed: false,
      message: null,
    });
    expect(first.body.events).toHaveLength(1);
    expect(first.body.events[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      context: expect.stringContaining('已揽收'),
      location: expect.any(String),
    });
    expect(sandbox.stats.trackingQueries(num)).toBe(1);

    // the parcel moves on at the carrier, but Kuaidi100 is not asked again within 30 minutes
    sandbox.advanceClock(2 * STEP);
    const second = await track(shopper, orderId).expect(200);
    expect(second.body).toEqual(first.body);
    expect(sandbox.stats.trackingQueries(num)).toBe(1);
    const row = await orders().findOneByOrFail({ id: orderId });
    expect(row.signedAt).toBeNull();
  });

  it('sends the last four digits of the receiver phone for carriers that need it', async () => {
    const ok = await placeOrder(t, { address: { phone: '13912345678' }, advance: ['pay'] });
    const sf = unique('SF');
    await ship(ok.orderId, 'shunfeng', sf).expect(200);
    const res = await track(ok.shopper, ok.orderId).expect(200);
    expect(res.body).toMatchObject({ carrier: { code: 'shunfeng', phoneRequired: true }, state: 1 });

    // the sandbox, like Kuaidi100, refuses a phone that does not match (one ending 0000)
    const wrong = await placeOrder(t, { address: { phone: '13900000000' }, advance: ['pay'] });
    await ship(wrong.orderId, 'shunfeng', unique('SF')).expect(200);
    const refused = await track(wrong.shopper, wrong.orderId).expect(502);
    expect(refused.body).toMatchObject({ code: 'TRACKING_PROVIDER_ERROR', message: expect.any(String) });
  });

  it('answers "no result yet" with 200, no events and a message, and caches it', async () => {
    const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
    const num = unique('NORESULT');
    await ship(orderId, 'yunda', num).expect(200);
    const res = await track(shopper, orderId).expect(200);
    expect(res.body).toMatchObject({
      trackingNo: num,
      state: null,
      signed: false,
      events: [],
      message: '暂无物流信息，请稍后再查',
    });
    await track(shopper, orderId).expect(200);
    expect(sandbox.stats.trackingQueries(num)).toBe(1);
  });

  it.each([
    ['QUOTA', 502, 'TRACKING_PROVIDER_ERROR'],
    ['DOWN', 503, 'TRACKING_UNAVAILABLE'],
  ])('maps Kuaidi100 %s numbers to %i %s, uncached', async (prefix, status, code) => {
    const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
    const num = unique(prefix);
    await ship(orderId, 'ems', num).expect(200);
    const res = await track(shopper, orderId).expect(status);
    expect(res.body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(/\w/) });
    await track(shopper, orderId).expect(status);
    expect(sandbox.stats.trackingQueries(num)).toBe(2);
  });

  it('maps a bad signature (wrong key) to 502', async () => {
    const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
    await ship(orderId, 'yuantong', unique('YT')).expect(200);
    const client = t.app.get(Kuaidi100Client) as unknown as { options: { key: string } };
    const key = client.options.key;
    client.options.key = 'not-the-key';
    try {
      const res = await track(shopper, orderId).expect(502);
      expect(res.body.code).toBe('TRACKING_PROVIDER_ERROR');
    } finally {
      client.options.key = key;
    }
  });

  it("answers 404 for another shopper's order, 409 before shipping, 401 without a token", async () => {
    const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
    const intruder = await createShopper(t);
    const notShipped = await track(shopper, orderId).expect(409);
    expect(notShipped.body).toMatchObject({ code: 'NOT_SHIPPED', status: 'PAID' });
    const num = unique('YT');
    await ship(orderId, 'yuantong', num).expect(200);
    const foreign = await track(intruder, orderId).expect(404);
    expect(foreign.body.code).toBe('ORDER_NOT_FOUND');
    await track(intruder, 999_999_999).expect(404);
    await t.http.get(`/api/v1/orders/${orderId}/logistics`).expect(401);
    expect(sandbox.stats.trackingQueries(num)).toBe(0);
  });

  it('ships only paid orders (409 from the state table) and validates carrier and number', async () => {
    const unpaid = await placeOrder(t);
    const res = await ship(unpaid.orderId, 'yuantong', unique('YT')).expect(409);
    expect(res.body).toMatchObject({ code: 'ILLEGAL_ORDER_STATE', status: 'PENDING_PAYMENT' });
    expect((await orders().findOneByOrFail({ id: unpaid.orderId })).carrierCode).toBeNull();

    const { orderId } = await placeOrder(t, { advance: ['pay'] });
    const carrier = await ship(orderId, 'dhl', 'ABCD1234').expect(400);
    expect(carrier.body).toMatchObject({ code: 'CARRIER_NOT_SUPPORTED', message: expect.stringContaining('yuantong') });
    for (const bad of ['ABC', 'YT-12345', 'Y'.repeat(33), '']) {
      const r = await ship(orderId, 'yuantong', bad).expect(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
    await t.http
      .post(`/api/v1/admin/orders/${orderId}/ship`)
      .set(admin.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT123456', extra: 1 })
      .expect(400);
    expect((await orders().findOneByOrFail({ id: orderId })).status).toBe('PAID');

    await ship(orderId, 'yuantong', 'YT123456').expect(200);
    const twice = await ship(orderId, 'yuantong', 'YT654321').expect(409);
    expect(twice.body).toMatchObject({ code: 'ILLEGAL_ORDER_STATE', status: 'SHIPPED' });
    expect((await orders().findOneByOrFail({ id: orderId })).trackingNo).toBe('YT123456');
    await ship(999_999_999, 'yuantong', 'YT123456').expect(404);

    const shopper = await createShopper(t);
    await t.http
      .post(`/api/v1/admin/orders/${orderId}/ship`)
      .set(shopper.auth)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT1234' })
      .expect(403);
    await t.http
      .post(`/api/v1/admin/orders/${orderId}/ship`)
      .send({ carrierCode: 'yuantong', trackingNo: 'YT1234' })
      .expect(401);
  });

  it('audits shipping, refused attempts included, and records order_shipped after the commit', async () => {
    const { orderId, shopper } = await placeOrder(t, { advance: ['pay'] });
    const num = unique('YT');
    await ship(orderId, 'yuantong', num).expect(200);
    await ship(orderId, 'yuantong', num).expect(409);
    await t.app.get(EventWriterService).flush();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const audit = (await store.recentAudit({ kind: 'admin_action' }, 500)).filter(
      (a) =>
        a.payload.route === '/api/v1/admin/orders/:id/ship' &&
        (a.payload.params as { id: string }).id === String(orderId),
    );
    expect(audit.map((a) => a.payload.outcome).sort()).toEqual(['failed', 'ok']);
    const ok = audit.find((a) => a.payload.outcome === 'ok')!;
    expect(ok).toMatchObject({
      actorType: 'admin',
      actorId: expect.any(String),
      requestId: expect.any(String),
      payload: { method: 'POST', body: { carrierCode: 'yuantong', trackingNo: num } },
    });
    expect(audit.find((a) => a.payload.outcome === 'failed')!.payload).toMatchObject({
      statusCode: 409,
      code: 'ILLEGAL_ORDER_STATE',
    });
    const shippedEvents = await store.recentEvents({ type: 'order_shipped', orderId }, 10);
    expect(shippedEvents).toEqual([
      expect.objectContaining({
        userId: shopper.userId,
        props: expect.objectContaining({ carrierCode: 'yuantong', trackingNo: num }),
      }),
    ]);
  });

  describe('signed-for completion', () => {
    const sweeper = () => t.app.get(OrderSweeperService);

    it('records signed_at when tracking shows signed, and completes the order after ORDER_SIGNED_CONFIRM_DAYS', async () => {
      const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
      const num = unique('YT');
      await ship(orderId, 'yuantong', num).expect(200);
      // the carrier scans the parcel all the way to signed before the shopper first looks
      await new Kuaidi100Client(sandbox.clientOptions().kuaidi100).query({ com: 'yuantong', num });
      sandbox.advanceClock(7 * STEP);
      const res = await track(shopper, orderId).expect(200);
      expect(res.body).toMatchObject({ state: 3, stateText: '签收', signed: true });
      expect(res.body.events).toHaveLength(7);
      const row = await orders().findOneByOrFail({ id: orderId });
      expect(row.signedAt).toBeInstanceOf(Date);
      expect(row.signedAt!.getTime()).toBeGreaterThanOrEqual(row.shippedAt!.getTime());

      const now = Date.now();
      await sweeper().runOnce(new Date(now + 3 * DAY - 3600_000));
      expect((await orders().findOneByOrFail({ id: orderId })).status).toBe('SHIPPED');
      await sweeper().runOnce(new Date(now + 3 * DAY + 60_000));
      const done = await t.http.get(`/api/v1/orders/${orderId}`).set(shopper.auth).expect(200);
      expect(done.body.status).toBe('COMPLETED');
      await t.app.get(EventWriterService).flush();
      const completed = await t.app.get<EventStore>(EVENT_STORE).recentEvents({ type: 'order_completed', orderId }, 5);
      expect(completed.map((e) => e.props?.reason)).toEqual(['tracking_signed']);
    });

    it('never dates signed before shipping: a number signed long ago does not complete the order at once', async () => {
      const { shopper, orderId } = await placeOrder(t, { advance: ['pay'] });
      await ship(orderId, 'ems', unique('SIGNED')).expect(200);
      expect((await track(shopper, orderId).expect(200)).body.signed).toBe(true);
      const row = await orders().findOneByOrFail({ id: orderId });
      expect(row.signedAt!.getTime()).toBe(row.shippedAt!.getTime());
      await sweeper().runOnce(new Date(Date.now() + 60_000));
      expect((await orders().findOneByOrFail({ id: orderId })).status).toBe('SHIPPED');
    });

    it('refreshes tracking for shipped orders nobody looks at, a few per sweep, and completes signed ones', async () => {
      const { orderId } = await placeOrder(t, { advance: ['pay'] });
      const num = unique('SIGNED');
      await ship(orderId, 'ems', num).expect(200);
      const start = Date.now() + 3 * DAY + 60_000;
      // other shipped orders (other tests, other files on a shared MariaDB) are refreshed too, ten
      // a minute: sweep minute by minute until this one's turn has come
      const backlog = await orders().count({ where: { status: OrderStatus.SHIPPED, signedAt: IsNull() } });
      for (let minute = 0; minute <= Math.ceil(backlog / 10) + 2; minute++) {
        await sweeper().runOnce(new Date(start + minute * 61_000));
        if ((await orders().findOneByOrFail({ id: orderId })).status === 'COMPLETED') break;
      }
      expect((await orders().findOneByOrFail({ id: orderId })).status).toBe('COMPLETED');
      expect(sandbox.stats.trackingQueries(num)).toBe(1);
    });
  });
});
