import { randomUUID } from 'node:crypto';
import { getRepositoryToken } from '@nestjs/typeorm';
import type { ContentReview, MeProfile } from '@sutwxapp/contracts';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { Repository } from 'typeorm';
import { UserEntity } from '../src/modules/auth/entities/user.entity';
import { EVENT_STORE, type EventStore } from '../src/modules/events/event-store';
import { EventWriterService } from '../src/modules/events/event-writer.service';
import { ContentReviewEntity } from '../src/modules/moderation/content-review.entity';
import { type Admin, createAdmin, createShopper, type Shopper } from './support/factories';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

/**
 * Shopper text WeChat's msg_sec_check answers `review` for waits in the content review queue
 * (the sandbox answers `review` for 待人工审核 / needs-review and `risky` for 违禁词), and an
 * operator approves or rejects it. The nickname is the first subject; others plug in handlers.
 */
describe(`content review queue (${backendLabel})`, () => {
  let t: TestApp;
  let sandbox: WechatSandbox;
  let admin: Admin;
  let users: Repository<UserEntity>;

  beforeAll(async () => {
    t = await startTestApp({ MONGODB_URI: '' });
    sandbox = t.sandbox;
    admin = await createAdmin(t);
    users = t.app.get(getRepositoryToken(UserEntity));
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = async (s: Shopper): Promise<MeProfile> =>
    (await t.http.get('/api/v1/me').set(s.auth).expect(200)).body as MeProfile;
  const setNickname = (s: Shopper, nickname: string) => t.http.patch('/api/v1/me').set(s.auth).send({ nickname });
  /** the shopper's pending review, as the operator's queue lists it */
  async function queued(userId: number): Promise<ContentReview> {
    const page = await t.http
      .get('/api/v1/admin/content-reviews')
      .query({ status: 'PENDING', pageSize: 100 })
      .set(admin.auth)
      .expect(200);
    const mine = (page.body.items as ContentReview[]).filter((r) => r.userId === userId);
    expect(mine).toHaveLength(1);
    return mine[0];
  }
  /** A shopper with a public nickname and a second one waiting for review. */
  async function shopperWithHeldNickname(): Promise<{ s: Shopper; held: string; review: ContentReview }> {
    const s = await createShopper(t);
    await setNickname(s, '原来的昵称').expect(200);
    const held = `待人工审核-${randomUUID().slice(0, 6)}`;
    const res = await setNickname(s, held).expect(200);
    expect(res.body).toMatchObject({ nickname: '原来的昵称', nicknamePending: true, pendingNickname: held });
    return { s, held, review: await queued(s.userId) };
  }

  it('holds a nickname WeChat wants a person to check: pending for its owner, the old one for everyone else', async () => {
    const before = sandbox.stats.count('msg_sec_check');
    const { s, held, review } = await shopperWithHeldNickname();
    expect(sandbox.stats.count('msg_sec_check') - before).toBe(2);
    expect(review).toMatchObject({
      subjectType: 'user_nickname',
      subjectId: s.userId,
      text: held,
      status: 'PENDING',
      wechatTraceId: expect.stringMatching(/^[0-9a-f]{24}$/),
      wechatLabel: 21000,
      operatorId: null,
      reason: null,
      decidedAt: null,
    });
    expect(await me(s)).toMatchObject({ nickname: '原来的昵称', nicknamePending: true, pendingNickname: held });
    // what others are shown is the stored public nickname (and a fresh login's profile)
    expect((await users.findOneByOrFail({ id: s.userId })).nickname).toBe('原来的昵称');
    const row = await t.app
      .get<Repository<ContentReviewEntity>>(getRepositoryToken(ContentReviewEntity))
      .findOneByOrFail({ id: review.id });
    expect(row).toMatchObject({ userId: s.userId, status: 'PENDING', openSlot: 'P' });
  });

  it('approving applies the held nickname, once; rejecting it afterwards is a conflict', async () => {
    const { s, held, review } = await shopperWithHeldNickname();
    const approved = await t.http
      .post(`/api/v1/admin/content-reviews/${review.id}/approve`)
      .set(admin.auth)
      .send({})
      .expect(200);
    expect(approved.body).toMatchObject({
      id: review.id,
      status: 'APPROVED',
      operatorId: expect.any(Number),
      decidedAt: expect.any(String),
    });
    expect(await me(s)).toMatchObject({ nickname: held, nicknamePending: false, pendingNickname: null });
    // a retried approval answers the same decision; the other decision is refused
    const again = await t.http.post(`/api/v1/admin/content-reviews/${review.id}/approve`).set(admin.auth).send({});
    expect(again.status).toBe(200);
    expect(again.body.decidedAt).toBe(approved.body.decidedAt);
    const late = await t.http
      .post(`/api/v1/admin/content-reviews/${review.id}/reject`)
      .set(admin.auth)
      .send({ reason: '太晚了' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONTENT_REVIEW_DECIDED', status: 'APPROVED' });
    expect(late.body.message).toContain('APPROVED');
    expect((await users.findOneByOrFail({ id: s.userId })).nickname).toBe(held);
  });

  it('rejecting needs a reason, drops the held nickname and keeps the old one; decisions are audited', async () => {
    const { s, review } = await shopperWithHeldNickname();
    const noReason = await t.http.post(`/api/v1/admin/content-reviews/${review.id}/reject`).set(admin.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const rejected = await t.http
      .post(`/api/v1/admin/content-reviews/${review.id}/reject`)
      .set(admin.auth)
      .send({ reason: '含引流信息' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: '含引流信息' });
    expect(await me(s)).toMatchObject({ nickname: '原来的昵称', nicknamePending: false, pendingNickname: null });
    const approve = await t.http.post(`/api/v1/admin/content-reviews/${review.id}/approve`).set(admin.auth).send({});
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('CONTENT_REVIEW_DECIDED');
    expect((await users.findOneByOrFail({ id: s.userId })).nickname).toBe('原来的昵称');

    await t.app.get(EventWriterService).flush();
    const audit = (await t.app.get<EventStore>(EVENT_STORE).recentAudit({ kind: 'admin_action' }, 500)).filter(
      (a) =>
        (a.payload.params as { id?: string } | undefined)?.id === String(review.id) &&
        String(a.payload.route).includes('content-reviews'),
    );
    expect(audit.map((a) => `${String(a.payload.route).split('/').pop()} ${a.payload.outcome}`).sort()).toEqual([
      'approve failed',
      'reject failed',
      'reject ok',
    ]);
    expect(audit.find((a) => a.payload.outcome === 'ok')).toMatchObject({
      actorType: 'admin',
      payload: { method: 'POST', body: { reason: '含引流信息' } },
    });
  });

  it('a newer nickname withdraws the one that waited, so a late approval cannot undo it', async () => {
    const { s, review } = await shopperWithHeldNickname();
    // another held one replaces the first in the queue
    const second = `needs-review-${randomUUID().slice(0, 6)}`;
    await setNickname(s, second).expect(200);
    const replaced = await queued(s.userId);
    expect(replaced).toMatchObject({ text: second, status: 'PENDING' });
    expect(replaced.id).not.toBe(review.id);
    // then one that passes: applied at once, nothing waits any more
    await setNickname(s, '通过的昵称').expect(200);
    expect(await me(s)).toMatchObject({ nickname: '通过的昵称', nicknamePending: false, pendingNickname: null });
    const withdrawn = await t.http
      .get('/api/v1/admin/content-reviews')
      .query({ status: 'WITHDRAWN', pageSize: 100 })
      .set(admin.auth)
      .expect(200);
    expect(
      (withdrawn.body.items as ContentReview[])
        .filter((r) => r.userId === s.userId)
        .map((r) => r.id)
        .sort(),
    ).toEqual([review.id, replaced.id].sort());
    const late = await t.http.post(`/api/v1/admin/content-reviews/${replaced.id}/approve`).set(admin.auth).send({});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONTENT_REVIEW_DECIDED', status: 'WITHDRAWN' });
    expect((await users.findOneByOrFail({ id: s.userId })).nickname).toBe('通过的昵称');
  });

  it('still refuses a risky nickname with the existing code, and holds text WeChat could not check', async () => {
    const s = await createShopper(t);
    const risky = await setNickname(s, '卖违禁词的小号');
    expect(risky.status).toBe(422);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY' });
    expect(risky.body.message).toContain('昵称');
    expect(await me(s)).toMatchObject({ nickname: null, nicknamePending: false });
    // WeChat down: the text is neither shown unchecked nor refused, it waits without a trace id
    sandbox.platform.failNext('msg_sec_check', 1, -1, 'system error');
    await setNickname(s, '普通昵称').expect(200);
    expect(await queued(s.userId)).toMatchObject({ text: '普通昵称', wechatTraceId: null, wechatLabel: null });
    expect(await me(s)).toMatchObject({ nickname: null, nicknamePending: true, pendingNickname: '普通昵称' });
  });

  it('lists by status with paging, and answers 404 and 400 for what does not exist or is malformed', async () => {
    await shopperWithHeldNickname();
    await shopperWithHeldNickname();
    const page1 = await t.http
      .get('/api/v1/admin/content-reviews')
      .query({ status: 'PENDING', page: 1, pageSize: 1 })
      .set(admin.auth)
      .expect(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.total).toBeGreaterThanOrEqual(2);
    const page2 = await t.http
      .get('/api/v1/admin/content-reviews')
      .query({ status: 'PENDING', page: 2, pageSize: 1 })
      .set(admin.auth)
      .expect(200);
    expect(page2.body.items[0].id).toBeGreaterThan(page1.body.items[0].id); // the queue is oldest first
    const bad = await t.http.get('/api/v1/admin/content-reviews').query({ status: 'MAYBE' }).set(admin.auth);
    expect(bad.status).toBe(400);
    const missing = await t.http.post('/api/v1/admin/content-reviews/99999999/approve').set(admin.auth).send({});
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    // shoppers have no business here
    const s = await createShopper(t);
    expect((await t.http.get('/api/v1/admin/content-reviews').set(s.auth)).status).toBe(403);
  });
});
