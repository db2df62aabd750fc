import { EVENT_STORE, type EventStore } from '../src/modules/events/event-store';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { createShopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/** A page opened from a share says so; the event keeps where the shopper came from. */
describe(`behaviour events record the share source (${backendLabel})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MONGODB_URI: '' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores source as props.source, and refuses one that is not a short token', async () => {
    const shopper = await createShopper(t);
    const clientTime = new Date().toISOString();
    await t.http
      .post('/api/v1/events')
      .set(shopper.auth)
      .send({
        events: [
          {
            type: 'product_view',
            page: 'pages/product/detail/index',
            productId: 7,
            source: 'share_timeline',
            clientTime,
          },
          { type: 'page_view', page: 'pages/home/index', clientTime },
        ],
      })
      .expect(202);
    await t.app.get(EventWriterService).flush();
    const rows = await t.app.get<EventStore>(EVENT_STORE).recentEvents({ userId: shopper.userId }, 10);
    expect(rows.find((r) => r.type === 'product_view')).toMatchObject({
      productId: 7,
      props: { source: 'share_timeline' },
    });
    expect(rows.find((r) => r.type === 'page_view')).toMatchObject({ props: null });

    for (const source of ['', 'x'.repeat(33), 'share message', 42]) {
      const res = await t.http
        .post('/api/v1/events')
        .set(shopper.auth)
        .send({ events: [{ type: 'page_view', page: 'pages/home/index', source, clientTime }] })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/source/) });
    }
  });
});
