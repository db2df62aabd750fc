import type { MediaKind } from '@sutwxapp/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MediaEntity, type StoredVariant } from './entities/media.entity';
import { PIPELINE_VERSION, processImage, type ProcessedVariant, type SourceFormat, variantKey } from './image-pipeline';
import { contentTypeOf, type MediaStorage } from './storage/media-storage';

/** An image processed and stored, not yet recorded: the part of an upload outside the transaction. */
export interface PreparedImage {
  hash: string;
  sourceFormat: SourceFormat;
  width: number;
  height: number;
  bytes: number;
  variants: StoredVariant[];
}

/** sha256 over the pipeline version and the original's bytes: the same upload is the same key. */
export const newImageHash = (): ReturnType<typeof createHash> => createHash('sha256').update(`${PIPELINE_VERSION}\n`);

export async function storeVariants(storage: MediaStorage, hash: string, variants: ProcessedVariant[]): Promise<void> {
  // a small original has the same file under several nominal widths: written once per key
  const unique = new Map(variants.map((v) => [variantKey(hash, v), v.body]));
  await Promise.all([...unique].map(([key, body]) => storage.put(key, body, contentTypeOf(key))));
}

/** Processes and stores an image the server has in memory (the demo catalog's pictures). */
export async function prepareBuffer(
  storage: MediaStorage,
  body: Buffer,
  sourceFormat: SourceFormat,
  maxPixels: number,
): Promise<PreparedImage> {
  const hash = newImageHash().update(body).digest('hex');
  const processed = await processImage(body, maxPixels);
  await storeVariants(storage, hash, processed.variants);
  return {
    hash,
    sourceFormat,
    width: processed.width,
    height: processed.height,
    bytes: body.length,
    variants: processed.variants.map(({ body: _body, ...v }) => v),
  };
}

/** The shop's own image (READY, no check), on the caller's transaction; an existing one is reused. */
export async function recordShopImage(em: EntityManager, image: PreparedImage, kind: MediaKind): Promise<MediaEntity> {
  const existing = await em.findOneBy(MediaEntity, { ownerKey: 'admin', hash: image.hash });
  if (existing) return existing;
  return em.save(
    em.create(MediaEntity, {
      ...image,
      ownerKey: 'admin',
      ownerType: 'admin',
      // 0: made by the server itself, not by an operator account
      ownerId: 0,
      kind,
      status: 'READY',
      checkTraceId: null,
      checkedAt: null,
    }),
  );
}
