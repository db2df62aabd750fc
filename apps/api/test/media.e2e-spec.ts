import { randomBytes } from 'node:crypto';
import type { ContentSecurityPort } from '../src/common/content-security.port';
import { DomainEvents } from '../src/common/domain-events';
import { MediaReferences } from '../src/modules/media/media-references';
import { MediaSweeperService } from '../src/modules/media/media-sweeper.service';
import { MediaUploadService } from '../src/modules/media/media-upload.service';
import { MEDIA_STORAGE, type MediaStorage } from '../src/modules/media/storage/media-storage';
import sharp from 'sharp';
import { createAdmin, createCategory, createShopper, type Admin, type Shopper } from './support/factories';
import { animatedGif, exifHasGps, phonePhotoWithGps, photoJpeg, photoPng, photoWebp, pngBomb } from './support/images';
import { s3Unavailable, startS3Server, type S3TestServer } from './support/s3-server';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

const LIMITS = {
  MEDIA_MAX_FILE_BYTES: String(2 * 1024 * 1024),
  MEDIA_MAX_FILES: '3',
  MEDIA_MAX_PIXELS: '30000000',
  MEDIA_USER_DAILY_QUOTA: '4',
};

interface Uploaded {
  id: number;
  ref: string;
  status: string;
  sourceFormat: string;
  width: number;
  height: number;
  url: string;
  variants: Array<{ name: number; format: string; width: number; height: number; bytes: number; url: string }>;
}

type Driver = { name: 'local' } | { name: 's3'; server: () => S3TestServer };

function mediaSuite(driver: Driver): void {
  describe(`media uploads (${driver.name} storage, ${backendLabel})`, () => {
    let t: TestApp;
    let admin: Admin;

    beforeAll(async () => {
      const s3 =
        driver.name === 's3'
          ? {
              MEDIA_DRIVER: 's3',
              MEDIA_S3_BUCKET: driver.server().bucket,
              MEDIA_S3_ENDPOINT: driver.server().endpoint,
              MEDIA_S3_FORCE_PATH_STYLE: 'true',
              MEDIA_S3_ACCESS_KEY_ID: 'test',
              MEDIA_S3_SECRET_ACCESS_KEY: 'test-secret',
              // the bucket itself plays the CDN: images are fetched straight from it
              MEDIA_PUBLIC_BASE_URL: `${driver.server().endpoint}/${driver.server().bucket}`,
            }
          : {};
      t = await startTestApp({ ...LIMITS, ...s3 });
      admin = await createAdmin(t);
    });
    afterAll(() => t?.close());

    const storage = (): MediaStorage => t.app.get(MEDIA_STORAGE);
    /** What a phone (or a CDN) gets for an image URL: the API's /media locally, the bucket with S3. */
    const fetchImage = async (url: string) => {
      if (driver.name === 'local') {
        const res = await t.http.get(new URL(url).pathname).buffer(true);
        return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
      }
      const res = await fetch(url);
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers) as Record<string, string>,
        body: Buffer.from(await res.arrayBuffer()),
      };
    };
    const adminUpload = (file: Buffer, filename: string, contentType = 'image/jpeg') =>
      t.http.post('/api/v1/admin/media').set(admin.auth).attach('file', file, { filename, contentType });
    const shopperUpload = (shopper: Shopper, file: Buffer, filename = 'review.jpg') =>
      t.http.post('/api/v1/media').set(shopper.auth).attach('file', file, { filename, contentType: 'image/jpeg' });

    it('accepts JPEG, PNG, WebP and GIF (first frame), deciding by the bytes', async () => {
      const cases: Array<[Buffer, string, string, number, number]> = [
        [await photoJpeg(1200, 900), 'a.jpg', 'jpeg', 1200, 900],
        // a PNG sent with a lying name and type is still a PNG
        [await photoPng(640, 480), 'photo.jpg', 'png', 640, 480],
        [await photoWebp(800, 600), 'b.webp', 'webp', 800, 600],
        [await animatedGif(300, 200), 'c.gif', 'gif', 300, 200],
      ];
      for (const [file, name, format, w, h] of cases) {
        const res = await adminUpload(file, name).expect(201);
        const item = res.body.items[0] as Uploaded;
        expect([item.sourceFormat, item.width, item.height, item.status]).toEqual([format, w, h, 'READY']);
        expect(item.ref).toMatch(new RegExp(`^media:${item.id}/[0-9a-f]{64}$`));
      }
      // the GIF's stored picture is its first (red) frame
      const gif = (await adminUpload(await animatedGif(300, 200), 'c.gif').expect(201)).body.items[0] as Uploaded;
      const png = await fetchImage(gif.variants.find((v) => v.format === 'jpeg' && v.name === 240)!.url);
      const { data } = await sharp(png.body).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(200);
      expect(data[2]).toBeLessThan(60);
    });

    it('produces 240/750/1500 px JPEG and WebP files of the right dimensions, never enlarged', async () => {
      const item = (await adminUpload(await photoJpeg(2000, 1500), 'big.jpg').expect(201)).body.items[0] as Uploaded;
      const expected = [
        [240, 240, 180],
        [750, 750, 563],
        [1500, 1500, 1125],
      ];
      for (const [name, w, h] of expected) {
        for (const format of ['jpeg', 'webp']) {
          const v = item.variants.find((x) => x.name === name && x.format === format)!;
          expect([v.width, v.height]).toEqual([w, h]);
          const file = await fetchImage(v.url);
          expect(file.status).toBe(200);
          const meta = await sharp(file.body).metadata();
          expect([meta.format, meta.width, meta.height]).toEqual([format, w, h]);
          expect(file.body.length).toBe(v.bytes);
        }
      }
      expect(item.url).toBe(item.variants.find((v) => v.name === 750 && v.format === 'jpeg')!.url);
      // a small original keeps its size at the larger nominal widths
      const small = (await adminUpload(await photoJpeg(500, 400), 's.jpg').expect(201)).body.items[0] as Uploaded;
      const v1500 = small.variants.find((v) => v.name === 1500 && v.format === 'jpeg')!;
      expect([v1500.width, v1500.height]).toEqual([500, 400]);
      expect((await sharp((await fetchImage(v1500.url)).body).metadata()).width).toBe(500);
    });

    it('auto-rotates from EXIF and strips EXIF (GPS included) from every file', async () => {
      const photo = await phonePhotoWithGps(800, 400);
      expect(exifHasGps((await sharp(photo).metadata()).exif)).toBe(true);
      const item = (await adminUpload(photo, 'IMG_0001.JPG').expect(201)).body.items[0] as Uploaded;
      expect([item.width, item.height]).toEqual([400, 800]);
      for (const v of item.variants) {
        const file = await fetchImage(v.url);
        const meta = await sharp(file.body).metadata();
        expect([v.name, v.format, meta.exif, meta.orientation, meta.width! < meta.height!]).toEqual([
          v.name,
          v.format,
          undefined,
          undefined,
          true,
        ]);
      }
    });

    it('stores the same picture once: same row, same files', async () => {
      const photo = await photoJpeg(900, 600);
      const first = (await adminUpload(photo, 'one.jpg').expect(201)).body.items[0] as Uploaded;
      const again = (await adminUpload(photo, 'two.jpg').expect(201)).body.items[0] as Uploaded;
      expect(again.id).toBe(first.id);
      const hash = first.ref.split('/')[1];
      // 900 px wide: 240 and 750, and the 1500 name is the 900 px file itself
      expect((await storage().list(`${hash}/`)).sort()).toEqual(
        [
          `${hash}/1500.jpg`,
          `${hash}/1500.webp`,
          `${hash}/240.jpg`,
          `${hash}/240.webp`,
          `${hash}/750.jpg`,
          `${hash}/750.webp`,
        ].sort(),
      );
      // a shopper uploading the same picture gets a row of their own, over the same files
      const shopper = await createShopper(t);
      const theirs = (await shopperUpload(shopper, photo).expect(201)).body.items[0] as Uploaded;
      expect(theirs.id).not.toBe(first.id);
      expect(theirs.ref.split('/')[1]).toBe(hash);
    });

    it('serves files with year-long immutable caching and validators', async () => {
      const item = (await adminUpload(await photoJpeg(300, 300), 'c.jpg').expect(201)).body.items[0] as Uploaded;
      const webp = item.variants.find((v) => v.format === 'webp')!;
      const jpg = await fetchImage(item.url);
      expect(jpg.headers['content-type']).toBe('image/jpeg');
      expect(jpg.headers.etag).toBeTruthy();
      // gofakes3 v1.2.0 keeps only Content-Type/-Disposition/-Encoding of an object's headers, so
      // the Cache-Control the S3 driver sends (S3, COS and OSS return it) is checked on local only
      if (driver.name === 'local') {
        expect(jpg.headers['cache-control']).toMatch(/max-age=31536000/);
        expect(jpg.headers['cache-control']).toMatch(/immutable/);
      }
      expect((await fetchImage(webp.url)).headers['content-type']).toBe('image/webp');
      const revalidated =
        driver.name === 'local'
          ? (await t.http.get(new URL(item.url).pathname).set('If-None-Match', jpg.headers.etag)).status
          : (await fetch(item.url, { headers: { 'If-None-Match': jpg.headers.etag } })).status;
      expect(revalidated).toBe(304);
      if (driver.name === 'local') {
        // nothing but processed files is reachable under /media
        for (const bad of ['/media/../package.json', '/media/%2e%2e/%2e%2e/package.json', '/media/abc.tmp']) {
          const res = await t.http.get(bad);
          expect([400, 403, 404]).toContain(res.status);
        }
      }
    });

    it('refuses other formats with 415 whatever the name or declared type', async () => {
      const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(4000)]);
      const res = await adminUpload(exe, 'cute-cat.jpg', 'image/jpeg').expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'MEDIA_TYPE_NOT_ALLOWED' });
      expect(res.body.message).toMatch(/executable/);
      expect(res.body.message).toMatch(/JPEG, PNG, WebP or GIF/);
      expect(res.body.requestId).toBeTruthy();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
      expect((await adminUpload(svg, 'x.png', 'image/png').expect(415)).body.message).toMatch(/SVG/);
      const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), randomBytes(200)]);
      expect((await adminUpload(heic, 'IMG.HEIC', 'image/heic').expect(415)).body.message).toMatch(/HEIC.*JPEG/);
      expect((await adminUpload(randomBytes(5000), 'noise.jpg').expect(415)).body.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
    });

    it('refuses an oversized file with 413 while it streams', async () => {
      const big = Buffer.concat([await photoJpeg(64, 64), randomBytes(2 * 1024 * 1024 + 10)]);
      const res = await adminUpload(big, 'huge.jpg').expect(413);
      expect(res.body).toMatchObject({ code: 'MEDIA_TOO_LARGE' });
      expect(res.body.message).toMatch(/at most 2 MB/);
    });

    it('refuses a decompression bomb from its header with 413', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(1000);
      const res = await adminUpload(bomb, 'bomb.png', 'image/png').expect(413);
      expect(res.body).toMatchObject({ code: 'MEDIA_TOO_MANY_PIXELS' });
      expect(res.body.message).toMatch(/50000×50000.*30 megapixels/);
    });

    it('refuses a truncated image with 400 and a message', async () => {
      const whole = await photoJpeg(800, 600);
      const res = await adminUpload(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.jpg').expect(400);
      expect(res.body).toMatchObject({ code: 'MEDIA_UNREADABLE' });
      expect(res.body.message).toMatch(/truncated or corrupt/);
    });

    it('limits files per request (413), needs multipart (415) and a file (400)', async () => {
      const img = await photoJpeg(50, 50);
      let req = t.http.post('/api/v1/admin/media').set(admin.auth);
      for (let i = 0; i < 4; i++) req = req.attach('file', img, { filename: `${i}.jpg`, contentType: 'image/jpeg' });
      const many = await req.expect(413);
      expect(many.body).toMatchObject({ code: 'MEDIA_TOO_MANY_FILES' });
      expect(many.body.message).toMatch(/At most 3 images/);
      const json = await t.http.post('/api/v1/admin/media').set(admin.auth).send({ url: 'x' }).expect(415);
      expect(json.body.message).toMatch(/multipart\/form-data/);
      const empty = await t.http.post('/api/v1/admin/media').set(admin.auth).field('note', 'x').expect(400);
      expect(empty.body.code).toBe('MEDIA_NO_FILE');
      // a multipart body that stops before its closing boundary (a dropped upload)
      const cut = await t.http
        .post('/api/v1/admin/media')
        .set(admin.auth)
        .set('Content-Type', 'multipart/form-data; boundary=XyZ')
        .send(
          Buffer.concat([
            Buffer.from(
              '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
            ),
            img.subarray(0, 200),
          ]),
        );
      expect([cut.status, cut.body.statusCode]).toEqual([400, 400]);
      expect(cut.body.message).toMatch(/upload/i);
      // several files in one request are all recorded
      const three = await t.http
        .post('/api/v1/admin/media')
        .set(admin.auth)
        .attach('file', await photoJpeg(60, 60), { filename: 'a.jpg', contentType: 'image/jpeg' })
        .attach('file', await photoPng(70, 70), { filename: 'b.png', contentType: 'image/png' })
        .expect(201);
      expect(three.body.items.map((i: Uploaded) => i.width)).toEqual([60, 70]);
    });

    it("enforces a shopper's daily quota with 429", async () => {
      const shopper = await createShopper(t);
      for (let i = 0; i < 4; i++) await shopperUpload(shopper, await photoJpeg(40 + i, 40)).expect(201);
      const res = await shopperUpload(shopper, await photoJpeg(90, 40)).expect(429);
      expect(res.body).toMatchObject({ code: 'MEDIA_QUOTA_EXCEEDED' });
      expect(res.body.message).toMatch(/4 images a day/);
      // another shopper is not affected
      await shopperUpload(await createShopper(t), await photoJpeg(90, 40)).expect(201);
    });

    it("keeps a shopper's image to its owner until WeChat's check passes; risky ones are removed", async () => {
      const submitted: Array<{ openid: string; scene: number; url: string }> = [];
      let n = 0;
      const port: Pick<ContentSecurityPort, 'submitImage'> = {
        submitImage: async (input) => {
          submitted.push(input);
          return { traceId: `trace-${Date.now()}-${n++}` };
        },
      };
      // a recording port stands in for the WeChat platform module's, to steer each verdict
      const uploads = t.app.get(MediaUploadService) as unknown as { contentSecurity: typeof port | null };
      const real = uploads.contentSecurity;
      uploads.contentSecurity = port;
      try {
        const owner = await createShopper(t);
        const other = await createShopper(t);
        const good = (await shopperUpload(owner, await photoJpeg(120, 80)).expect(201)).body.items[0] as Uploaded;
        const bad = (await shopperUpload(owner, await photoJpeg(121, 80)).expect(201)).body.items[0] as Uploaded;
        expect([good.status, bad.status]).toEqual(['PENDING', 'PENDING']);
        await t.http.get(`/api/v1/media/${good.id}`).set(owner.auth).expect(200);
        await t.http.get(`/api/v1/media/${good.id}`).set(other.auth).expect(404);

        await waitFor(() => submitted.length >= 2, 5000);
        // the checker downloads the 750 px picture from where everyone will see it
        expect(submitted[0].url).toBe(good.url);
        expect((await fetchImage(submitted[0].url)).status).toBe(200);
        expect(submitted[0].scene).toBe(2);
        const traces = await traceIds(t, [good.id, bad.id]);

        const events = t.app.get(DomainEvents);
        events.publish('media_check_result', { traceId: traces[0], verdict: 'pass' });
        events.publish('media_check_result', { traceId: traces[1], verdict: 'risky' });
        await waitFor(async () => (await t.http.get(`/api/v1/media/${good.id}`).set(other.auth)).status === 200, 5000);
        const seen = (await t.http.get(`/api/v1/media/${good.id}`).set(other.auth).expect(200)).body;
        expect(seen.status).toBe('READY');
        await waitFor(
          async () => (await t.http.get(`/api/v1/media/${bad.id}`).set(owner.auth)).body.status === 'REJECTED',
          5000,
        );
        await t.http.get(`/api/v1/media/${bad.id}`).set(other.auth).expect(404);
        // the files go right after the verdict is recorded
        await waitFor(async () => (await storage().list(`${bad.ref.split('/')[1]}/`)).length === 0, 5000);
        // a late duplicate verdict changes nothing
        events.publish('media_check_result', { traceId: traces[1], verdict: 'pass' });
        await new Promise((r) => setTimeout(r, 50));
        expect((await t.http.get(`/api/v1/media/${bad.id}`).set(owner.auth)).body.status).toBe('REJECTED');
      } finally {
        uploads.contentSecurity = real;
      }
    });

    it("passes a shopper's image through WeChat's asynchronous check end to end (sandbox push)", async () => {
      // No stand-in here: the WeChat platform module's CONTENT_SECURITY calls media_check_async on
      // the sandbox, which pushes the verdict to /api/v1/wechat/push like WeChat does.
      const owner = await createShopper(t);
      const other = await createShopper(t);
      const image = (await shopperUpload(owner, await photoJpeg(122, 80)).expect(201)).body.items[0] as Uploaded;
      expect(image.status).toBe('PENDING');
      await waitFor(async () => (await t.http.get(`/api/v1/media/${image.id}`).set(other.auth)).status === 200, 5000);
      const seen = (await t.http.get(`/api/v1/media/${image.id}`).set(other.auth).expect(200)).body;
      expect(seen.status).toBe('READY');
      expect((await traceIds(t, [image.id]))[0]).toEqual(expect.any(String));
    });

    it('puts an uploaded photo on a product at the right size, refuses deleting it while used (409)', async () => {
      const categoryId = await createCategory(t, admin);
      const photo = (await adminUpload(await photoJpeg(1600, 1200), 'p.jpg').expect(201)).body.items[0] as Uploaded;
      const spare = (await adminUpload(await photoJpeg(1000, 1000), 'q.jpg').expect(201)).body.items[0] as Uploaded;
      const created = await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send({
          categoryId,
          title: `相机 ${randomBytes(3).toString('hex')}`,
          images: [`media:${photo.id}`, spare.url],
          specAxes: [],
          skus: [{ specs: {}, price: 1999, stock: 5 }],
        })
        .expect(201);
      const productId = created.body.id as number;
      const detail = (await t.http.get(`/api/v1/catalog/products/${productId}`).expect(200)).body;
      expect(detail.images).toEqual([photo.url, spare.url]);
      const shown = await fetchImage(detail.images[0]);
      expect((await sharp(shown.body).metadata()).width).toBe(750);
      const list = (await t.http.get('/api/v1/catalog/products').query({ categoryId }).expect(200)).body;
      expect(list.items[0].image).toBe(photo.url);

      const refused = await t.http.delete(`/api/v1/admin/media/${photo.id}`).set(admin.auth).expect(409);
      expect(refused.body).toMatchObject({ code: 'MEDIA_IN_USE', references: [{ type: 'product', id: productId }] });
      expect(refused.body.message).toMatch(new RegExp(`product ${productId}`));
      const info = (await t.http.get(`/api/v1/admin/media/${photo.id}`).set(admin.auth).expect(200)).body;
      expect(info.references).toEqual([{ type: 'product', id: productId, label: created.body.title }]);

      // a shopper's image cannot go on the catalog
      const shopperImg = (await shopperUpload(await createShopper(t), await photoJpeg(130, 90)).expect(201)).body
        .items[0] as Uploaded;
      const notUsable = await t.http
        .patch(`/api/v1/admin/products/${productId}`)
        .set(admin.auth)
        .send({ images: [`media:${shopperImg.id}`] })
        .expect(400);
      expect(notUsable.body.code).toBe('MEDIA_NOT_USABLE');

      // replaced on the product (cached detail refreshed), the photo is free to go
      await t.http
        .patch(`/api/v1/admin/products/${productId}`)
        .set(admin.auth)
        .send({ images: [spare.ref] })
        .expect(200);
      expect((await t.http.get(`/api/v1/catalog/products/${productId}`).expect(200)).body.images).toEqual([spare.url]);
      await t.http.delete(`/api/v1/admin/media/${photo.id}`).set(admin.auth).expect(204);
      await t.http.get(`/api/v1/admin/media/${photo.id}`).set(admin.auth).expect(404);
      expect(await storage().list(`${photo.ref.split('/')[1]}/`)).toEqual([]);
      const gone = await t.http
        .patch(`/api/v1/admin/products/${productId}`)
        .set(admin.auth)
        .send({ images: [`media:${photo.id}`] })
        .expect(400);
      expect(gone.body.code).toBe('MEDIA_NOT_USABLE');
      // a category icon is a reference too, rendered at 240 px
      const icon = await t.http
        .patch(`/api/v1/admin/categories/${categoryId}`)
        .set(admin.auth)
        .send({ icon: `media:${spare.id}` })
        .expect(200);
      expect(icon.body.icon).toBe(spare.url.replace('/750.jpg', '/240.jpg'));
    });

    it('sweeps uploads nobody uses once they are a day old, keeping used ones', async () => {
      const categoryId = await createCategory(t, admin);
      const used = (await adminUpload(await photoJpeg(333, 222), 'u.jpg').expect(201)).body.items[0] as Uploaded;
      const unused = (await adminUpload(await photoJpeg(334, 222), 'v.jpg').expect(201)).body.items[0] as Uploaded;
      await t.http
        .post('/api/v1/admin/products')
        .set(admin.auth)
        .send({
          categoryId,
          title: '扫地测试',
          images: [used.ref],
          specAxes: [],
          skus: [{ specs: {}, price: 100, stock: 1 }],
        })
        .expect(201);
      const sweeper = t.app.get(MediaSweeperService);
      await sweeper.runOnce(new Date(Date.now() + 3600_000));
      await t.http.get(`/api/v1/admin/media/${unused.id}`).set(admin.auth).expect(200);
      await sweeper.runOnce(new Date(Date.now() + 25 * 3600_000));
      await t.http.get(`/api/v1/admin/media/${unused.id}`).set(admin.auth).expect(404);
      expect(await storage().list(`${unused.ref.split('/')[1]}/`)).toEqual([]);
      await t.http.get(`/api/v1/admin/media/${used.id}`).set(admin.auth).expect(200);
      expect((await fetchImage(used.url)).status).toBe(200);
    });

    it('asks every feature that stores images (catalog, orders, avatars, reviews, after-sales) who uses one', async () => {
      const { DataSource } = await import('typeorm');
      const references = t.app.get(MediaReferences);
      expect(references.finderNames().sort()).toEqual(
        [
          'AfterSaleMediaReferences',
          'CatalogMediaReferences',
          'OrderMediaReferences',
          'ReviewMediaReferences',
          'UserMediaReferences',
        ].sort(),
      );
      // each finder's query runs on this backend; nobody uses an id that was never uploaded
      expect(await references.find(t.app.get(DataSource).manager, [2_000_000_001, 2_000_000_002])).toEqual([]);
    });
  });
}

/** The trace ids WeChat gave for these images, as the upload service saved them. */
async function traceIds(t: TestApp, ids: number[]): Promise<string[]> {
  const { DataSource } = await import('typeorm');
  const ds = t.app.get(DataSource);
  const out: string[] = [];
  for (const id of ids) {
    await waitFor(async () => {
      const [row] = await ds.query('SELECT check_trace_id AS t FROM media WHERE id = ?', [id]);
      return Boolean(row?.t);
    }, 5000);
    const [row] = await ds.query('SELECT check_trace_id AS t FROM media WHERE id = ?', [id]);
    out.push(row.t);
  }
  return out;
}

mediaSuite({ name: 'local' });

const s3Skip = s3Unavailable();
if (s3Skip) {
  describe('media uploads (s3 storage)', () => {
    it.skip(s3Skip, () => undefined);
  });
} else {
  let server: S3TestServer;
  beforeAll(async () => {
    server = await startS3Server('sutwxapp-media');
  });
  afterAll(() => server?.stop());
  mediaSuite({ name: 's3', server: () => server });
}
