import { EventWriterService, QUEUE_CAPACITY } from '../src/modules/events/event-writer.service';
import { createAdmin, createShopper, type Shopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

const batch = (n: number, keyword?: string) => ({
  events: Array.from({ length: n }, () =>
    keyword
      ? { type: 'search', page: 'pages/search/index', keyword, clientTime: new Date().toISOString() }
      : { type: 'page_view', page: 'pages/home/index', clientTime: new Date().toISOString() },
  ),
});

/**
 * POST /events is free to call (issue 16: one shopper sent 300 × 50 events in 0.8 s, all taken,
 * and the operators' top searches showed the attacker's words).
 */
describe(`POST /events abuse (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ EVENTS_PER_SHOPPER_PER_MINUTE: '200', EVENTS_PER_IP_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const send = (s: Shopper, body: object) => t.http.post('/api/v1/events').set(s.auth).send(body);

  it('limits events per shopper: a flood of full batches gets 429 after the budget', async () => {
    const s = await createShopper(t);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await send(s, batch(50)));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([202, 202, 202, 202]);
    expect(answers.slice(4).map((a) => a.status)).toEqual(Array(6).fill(429));
    expect(answers[9].body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    // another shopper is not affected
    await send(await createShopper(t), batch(50)).expect(202);
  });

  it('limits events per client IP across many shoppers', async () => {
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => createShopper(t)));
    const statuses: number[] = [];
    for (const s of shoppers) for (let i = 0; i < 3; i++) statuses.push((await send(s, batch(50))).status);
    // 1,000 a minute from this IP (the first test spent some of it already)
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(20);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true);
  });
});

describe(`POST /events load shedding (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ EVENTS_PER_SHOPPER_PER_MINUTE: '1000000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sheds a batch with 503 when the queue is full instead of growing or dropping part of it', async () => {
    const writer = t.app.get(EventWriterService);
    // stall the writer so the queue fills (the store itself is real; only its draining is paused)
    const flush = writer.flush.bind(writer);
    (writer as unknown as { drain: () => Promise<void> }).drain = async () => undefined;
    const s = await createShopper(t);
    let status = 202;
    let sent = 0;
    while (status === 202 && sent <= QUEUE_CAPACITY + 50) {
      const res = await t.http.post('/api/v1/events').set(s.auth).send(batch(50));
      status = res.status;
      if (status === 202) {
        expect(res.body).toEqual({ accepted: 50 });
        sent += 50;
      }
    }
    expect(status).toBe(503);
    expect(sent).toBe(QUEUE_CAPACITY);
    expect(writer.pending().behaviour).toBe(QUEUE_CAPACITY);
    delete (writer as unknown as { drain?: unknown }).drain;
    await flush();
    await t.http.post('/api/v1/events').set(s.auth).send(batch(50)).expect(202);
  });
});

describe(`top searches count shoppers, not events (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("does not let one shopper's repeated word top the operators' report", async () => {
    const word = `刷榜${Date.now()}`;
    const honest = `连衣裙${Date.now()}`;
    const attacker = await createShopper(t);
    await t.http.post('/api/v1/events').set(attacker.auth).send(batch(50, word)).expect(202);
    for (let i = 0; i < 3; i++) {
      const s = await createShopper(t);
      await t.http.post('/api/v1/events').set(s.auth).send(batch(1, honest)).expect(202);
    }
    await t.app.get(EventWriterService).flush();
    const admin = await createAdmin(t);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    const res = await t.http
      .get('/api/v1/admin/analytics/top-searches')
      .query({ from: today, to: tomorrow, limit: 100 })
      .set(admin.auth)
      .expect(200);
    const items = res.body.items as Array<{ keyword: string; count: number }>;
    expect(items.find((i) => i.keyword === word)?.count).toBe(1);
    expect(items.find((i) => i.keyword === honest)?.count).toBe(3);
    expect(items.findIndex((i) => i.keyword === honest)).toBeLessThan(items.findIndex((i) => i.keyword === word));
  });
});
