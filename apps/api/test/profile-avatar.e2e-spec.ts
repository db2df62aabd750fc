import { MediaService } from '../src/modules/media/media.service';
import { createAdmin, createShopper, type Admin, type Shopper } from './support/factories';
import { photoJpeg } from './support/images';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

interface Uploaded {
  id: number;
  ref: string;
  status: string;
  url: string;
}

describe(`shopper avatar from an upload (${backendLabel})`, () => {
  let t: TestApp;
  let admin: Admin;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t?.close());

  const upload = async (shopper: Shopper, kind: 'avatar' | 'review' = 'avatar'): Promise<Uploaded> =>
    (
      await t.http
        .post('/api/v1/media')
        .query({ kind })
        .set(shopper.auth)
        .attach('file', await photoJpeg(300 + Math.floor(Math.random() * 200), 300), {
          filename: 'avatar.jpg',
          contentType: 'image/jpeg',
        })
        .expect(201)
    ).body.items[0] as Uploaded;

  it('stores the ref of one’s own avatar upload and answers its 240 px URL', async () => {
    const me = await createShopper(t);
    const image = await upload(me);
    const patched = (await t.http.patch('/api/v1/me').set(me.auth).send({ avatarUrl: image.ref }).expect(200)).body;
    const hash = /\/([0-9a-f]{16,64})\/750\.jpg$/.exec(image.url)?.[1];
    expect(hash).toEqual(expect.any(String));
    expect(patched.avatarUrl).toBe(image.url.replace(/\/750\.jpg$/, '/240.jpg'));
    expect(patched.avatarUrl).toContain(`/${hash}/240.jpg`);
    const shown = (await t.http.get('/api/v1/me').set(me.auth).expect(200)).body;
    expect(shown.avatarUrl).toBe(patched.avatarUrl);
    // the file behind it is there (local storage: served by the API)
    await t.http.get(new URL(shown.avatarUrl as string).pathname).expect(200);

    const { DataSource } = await import('typeorm');
    const [row] = await t.app.get(DataSource).query('SELECT avatar_url AS a FROM users WHERE id = ?', [me.userId]);
    expect(row.a).toBe(`media:${image.id}/${hash}`);
  });

  it('refuses another shopper’s upload, a review photo and a missing image (400 MEDIA_NOT_USABLE)', async () => {
    const me = await createShopper(t);
    const other = await createShopper(t);
    const theirs = await upload(other);
    const review = await upload(me, 'review');
    for (const avatarUrl of [theirs.ref, `media:${theirs.id}`, review.ref, 'media:999999999']) {
      const res = await t.http.patch('/api/v1/me').set(me.auth).send({ avatarUrl }).expect(400);
      expect(res.body).toMatchObject({ code: 'MEDIA_NOT_USABLE', requestId: expect.any(String) });
      expect(res.body.message).toMatch(/avatar/);
    }
    // nothing was stored
    expect((await t.http.get('/api/v1/me').set(me.auth).expect(200)).body.avatarUrl).toBeNull();
    // a WeChat avatar URL is still accepted as before; junk is not
    const wechat = 'https://thirdwx.qlogo.cn/mmopen/x/132';
    expect((await t.http.patch('/api/v1/me').set(me.auth).send({ avatarUrl: wechat }).expect(200)).body.avatarUrl).toBe(
      wechat,
    );
    const junk = await t.http.patch('/api/v1/me').set(me.auth).send({ avatarUrl: 'media:abc' }).expect(400);
    expect(junk.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists the avatar as a reference: not deleted (409), not swept; free once replaced', async () => {
    const me = await createShopper(t);
    const image = await upload(me);
    await t.http
      .patch('/api/v1/me')
      .set(me.auth)
      .send({ nickname: '头像测试', avatarUrl: `media:${image.id}` })
      .expect(200);

    const info = (await t.http.get(`/api/v1/admin/media/${image.id}`).set(admin.auth).expect(200)).body;
    expect(info.references).toEqual([{ type: 'user', id: me.userId, label: '头像测试 的头像' }]);
    const refused = await t.http.delete(`/api/v1/admin/media/${image.id}`).set(admin.auth).expect(409);
    expect(refused.body).toMatchObject({ code: 'MEDIA_IN_USE', references: [{ type: 'user', id: me.userId }] });
    // the orphan sweep (any age) leaves it alone
    const media = t.app.get(MediaService);
    expect(await media.sweepOne(image.id, new Date(Date.now() + 60_000))).toBe(false);
    expect((await t.http.get('/api/v1/me').set(me.auth).expect(200)).body.avatarUrl).toMatch(/\/240\.jpg$/);

    await t.http
      .patch('/api/v1/me')
      .set(me.auth)
      .send({ avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/y/132' })
      .expect(200);
    await t.http.delete(`/api/v1/admin/media/${image.id}`).set(admin.auth).expect(204);
  });
});
