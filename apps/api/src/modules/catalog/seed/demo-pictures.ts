import type { MediaKind } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import { formatMediaRef } from '../../../common/media-ref';
import { loadSharp } from '../../media/image-pipeline';
import { prepareBuffer, type PreparedImage, recordShopImage } from '../../media/ingest';
import { Semaphore } from '../../media/semaphore';
import type { MediaStorage } from '../../media/storage/media-storage';
import { demoImageFiles } from './demo-images';

/** Raster width each drawing is rendered at: what the page shows it at (a 750 px card, a 240 px icon). */
const RENDER: Array<{ prefix: string; kind: MediaKind; svgWidth: number; width: number }> = [
  { prefix: 'cat-', kind: 'category', svgWidth: 120, width: 240 },
  { prefix: 'banner-', kind: 'banner', svgWidth: 750, width: 750 },
  { prefix: 'p', kind: 'product', svgWidth: 600, width: 750 },
];

export type DemoPictures = Map<string, { kind: MediaKind; image: PreparedImage }>;

/**
 * The demo shop's pictures as real raster images: each SVG drawing is rendered to a PNG and
 * sent through the upload pipeline (sizes, JPEG + WebP, storage), so product pages show what
 * an operator's photo would produce. Runs before the seeding transaction (it is the slow part).
 */
export async function prepareDemoPictures(storage: MediaStorage, maxPixels: number): Promise<DemoPictures> {
  const lanes = new Semaphore(2);
  const entries = await Promise.all(
    [...demoImageFiles()].map(([name, svg]) =>
      lanes.run(async () => {
        const spec = RENDER.find((r) => name.startsWith(r.prefix)) ?? RENDER[2];
        const png = await loadSharp()(Buffer.from(svg), { density: (72 * spec.width) / spec.svgWidth })
          .png({ compressionLevel: 0 })
          .toBuffer();
        return [name, { kind: spec.kind, image: await prepareBuffer(storage, png, 'png', maxPixels) }] as const;
      }),
    ),
  );
  return new Map(entries);
}

/** Records the pictures as the shop's media on the seeding transaction: file name → `media:<id>/<hash>`. */
export async function recordDemoPictures(em: EntityManager, pictures: DemoPictures): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  for (const [name, { kind, image }] of pictures)
    refs.set(name, formatMediaRef(await recordShopImage(em, image, kind)));
  return refs;
}
