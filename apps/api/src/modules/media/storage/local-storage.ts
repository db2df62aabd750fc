import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertKey, type MediaStorage } from './media-storage';

/**
 * Files on the local disk: the embedded default. The API serves them under /media/ itself.
 * Only for one replica (or a volume every replica mounts read-write): nothing is shared.
 */
export class LocalMediaStorage implements MediaStorage {
  readonly driver = 'local' as const;

  constructor(readonly root: string) {}

  async put(key: string, body: Buffer): Promise<void> {
    assertKey(key);
    const file = join(this.root, key);
    await mkdir(dirname(file), { recursive: true });
    // write then rename: a reader (or a crash) never sees half a file under the final name
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    assertKey(key);
    try {
      return await readFile(join(this.root, key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertKey(key);
    try {
      return (await stat(join(this.root, key))).isFile();
    } catch {
      return false;
    }
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach(assertKey);
    const dirs = new Set<string>();
    for (const key of keys) {
      await rm(join(this.root, key), { force: true });
      dirs.add(dirname(join(this.root, key)));
    }
    // drop directories left empty (one per image); a concurrent put recreates its own
    for (const dir of dirs) {
      await rm(dir, { recursive: false }).catch(() => undefined);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let dirs: string[];
    try {
      dirs = await readdir(this.root);
    } catch {
      return [];
    }
    for (const dir of dirs) {
      let files: string[];
      try {
        files = await readdir(join(this.root, dir));
      } catch {
        continue;
      }
      for (const f of files) {
        const key = `${dir}/${f}`;
        if (!f.endsWith('.tmp') && key.startsWith(prefix)) keys.push(key);
      }
    }
    return keys;
  }
}
