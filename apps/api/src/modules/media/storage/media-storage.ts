/**
 * Where processed images live. Keys are `<hash>/<width>.<ext>`: content-addressed, so an object
 * is never rewritten with different bytes and every URL can be cached for a year.
 */
export interface MediaStorage {
  readonly driver: 'local' | 's3';
  /** Stores the bytes under `key` (overwriting is harmless: same key, same bytes). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Deletes the objects; keys that do not exist are not an error. */
  delete(keys: string[]): Promise<void>;
  /** Every key starting with `prefix` (for sweeps and tests), in no particular order. */
  list(prefix: string): Promise<string[]>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');

/** Cache-Control on every stored object: keys are content-addressed, so they never change. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A key is `<lowercase hex>/<name>.<ext>`; anything else (.., absolute paths, backslashes) is refused. */
const KEY = /^[0-9a-f]{16,64}\/[0-9a-z]{1,16}\.(jpg|webp)$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid media storage key "${key}"`);
}

export const contentTypeOf = (key: string): string => (key.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
