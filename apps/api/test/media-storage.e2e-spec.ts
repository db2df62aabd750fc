import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStorage } from '../src/modules/media/storage/local-storage';
import type { MediaStorage } from '../src/modules/media/storage/media-storage';
import { S3MediaStorage } from '../src/modules/media/storage/s3-storage';
import { s3Unavailable, startS3Server, type S3TestServer } from './support/s3-server';

/**
 * One contract, two drivers: whatever the media service relies on must hold for the local disk
 * and for a real S3-compatible server (gofakes3 built by scripts/s3-test-server.sh).
 */
function storageContract(name: string, open: () => Promise<{ storage: MediaStorage; close: () => Promise<void> }>) {
  describe(`media storage contract: ${name}`, () => {
    let storage: MediaStorage;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, close } = await open());
    });
    afterAll(() => close());

    const hash = () => randomBytes(20).toString('hex');

    it('stores bytes and reads back exactly the same bytes', async () => {
      const key = `${hash()}/750.jpg`;
      const body = randomBytes(300_000);
      await storage.put(key, body, 'image/jpeg');
      expect(await storage.exists(key)).toBe(true);
      expect((await storage.get(key))?.equals(body)).toBe(true);
    });

    it('answers null / false for a key that was never stored', async () => {
      const key = `${hash()}/240.webp`;
      expect(await storage.get(key)).toBeNull();
      expect(await storage.exists(key)).toBe(false);
    });

    it('overwrites a key (same content-addressed key, same bytes) without error', async () => {
      const key = `${hash()}/240.jpg`;
      const body = randomBytes(1000);
      await storage.put(key, body, 'image/jpeg');
      await storage.put(key, body, 'image/jpeg');
      expect((await storage.get(key))?.equals(body)).toBe(true);
    });

    it('lists keys by prefix and deletes them; deleting a missing key is not an error', async () => {
      const h = hash();
      const keys = [`${h}/240.jpg`, `${h}/240.webp`, `${h}/750.jpg`];
      for (const k of keys) await storage.put(k, Buffer.from(k), k.endsWith('webp') ? 'image/webp' : 'image/jpeg');
      const other = `${hash()}/240.jpg`;
      await storage.put(other, Buffer.from('other'), 'image/jpeg');
      expect((await storage.list(`${h}/`)).sort()).toEqual([...keys].sort());
      await storage.delete([...keys, `${h}/1500.jpg`]);
      expect(await storage.list(`${h}/`)).toEqual([]);
      expect(await storage.exists(other)).toBe(true);
    });

    it('refuses keys that could escape the storage root', async () => {
      await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid/);
      await expect(storage.get(`${hash()}/../x.jpg`)).rejects.toThrow(/invalid/);
    });
  });
}

storageContract('local disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sutwxapp-media-'));
  return { storage: new LocalMediaStorage(dir), close: async () => rmSync(dir, { recursive: true, force: true }) };
});

const s3Skip = s3Unavailable();
if (s3Skip) {
  describe('media storage contract: S3 (gofakes3)', () => {
    it.skip(s3Skip, () => undefined);
  });
} else {
  storageContract('S3 (gofakes3)', async () => {
    const server: S3TestServer = await startS3Server();
    const storage = new S3MediaStorage({
      bucket: server.bucket,
      region: 'us-east-1',
      endpoint: server.endpoint,
      forcePathStyle: true,
      accessKeyId: 'test',
      secretAccessKey: 'test-secret',
      prefix: 'shop1/',
    });
    return {
      storage,
      close: async () => {
        storage.destroy();
        await server.stop();
      },
    };
  });
}
