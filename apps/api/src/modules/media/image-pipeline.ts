import { MEDIA_WIDTHS, type MediaWidth } from '@sutwxapp/contracts';
import type sharpFn from 'sharp';
import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import type { StoredVariant } from './entities/media.entity';

let sharpModule: typeof sharpFn | undefined;

/**
 * sharp (libvips) on first use, not at boot: loading it costs 200-400 ms of start-up on this
 * machine, and most processes never process an image.
 */
export function loadSharp(): typeof sharpFn {
  if (!sharpModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sharpModule = require('sharp') as typeof sharpFn;
    // libvips' own cache keeps recently decoded images around: useless here (every upload is
    // new) and it would hold tens of MB per replica. Work is bounded by our semaphore instead.
    sharpModule.cache(false);
  }
  return sharpModule;
}

export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** Bumped when the produced files change (sizes, quality): new keys, never a silent rewrite. */
export const PIPELINE_VERSION = 'v1';

/**
 * The format, decided from the first bytes only (never the name or the declared type).
 * Formats we recognise but refuse are named, so the message can say what to send instead.
 */
export function sniffFormat(head: Buffer): { format: SourceFormat } | { refused: string } | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { format: 'jpeg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { format: 'png' };
  }
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { format: 'webp' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return { format: 'gif' };
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return { refused: 'HEIC' };
    if (/^avi[fs]$/.test(brand)) return { refused: 'AVIF' };
    return { refused: 'a video or ISO media file' };
  }
  if (ascii(0, 2) === 'BM') return { refused: 'BMP' };
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return { refused: 'TIFF' };
  if (ascii(0, 4) === '%PDF') return { refused: 'PDF' };
  if (ascii(0, 2) === 'MZ' || ascii(0, 4) === '\x7fELF') return { refused: 'an executable' };
  if (/^\s*(<\?xml|<svg)/i.test(ascii(0, Math.min(head.length, 64)))) return { refused: 'SVG' };
  return null;
}

export interface ProcessedVariant extends StoredVariant {
  body: Buffer;
}

export interface ProcessedImage {
  /** dimensions after auto-rotation */
  width: number;
  height: number;
  variants: ProcessedVariant[];
}

export class ImageTooLargeError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`image is ${width}×${height}`);
  }
}

export class ImageUnreadableError extends Error {}

const OPEN = (maxPixels: number): SharpOptions => ({
  // first frame of an animated GIF/WebP; refuse truncated or corrupt pixel data
  pages: 1,
  failOn: 'error',
  limitInputPixels: maxPixels,
  sequentialRead: true,
});

/**
 * Reads an image (a file path: uploads are on disk, never whole in memory) and produces every
 * width as JPEG and WebP: auto-rotated from EXIF, all metadata (EXIF, GPS, XMP) dropped, JPEGs
 * flattened onto white. The largest size is decoded once and the smaller ones are made from it.
 */
export async function processImage(input: string | Buffer, maxPixels: number): Promise<ProcessedImage> {
  let meta: Metadata;
  try {
    // the header only, with no pixel limit: the size is checked below, with a message that says it
    meta = await loadSharp()(input, { ...OPEN(maxPixels), limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageUnreadableError((err as Error).message);
  }
  const frameHeight = meta.pageHeight ?? meta.height;
  // checked from the header before any pixel is decoded: a 50000×50000 PNG is a few KB
  if (!meta.width || !frameHeight) throw new ImageUnreadableError('no dimensions');
  if (meta.width * frameHeight > maxPixels) throw new ImageTooLargeError(meta.width, frameHeight);

  let top: { data: Buffer; info: OutputInfo };
  try {
    top = await loadSharp()(input, OPEN(maxPixels))
      .autoOrient()
      .resize({ width: MEDIA_WIDTHS[MEDIA_WIDTHS.length - 1], withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ImageUnreadableError((err as Error).message);
  }
  const raw = { width: top.info.width, height: top.info.height, channels: top.info.channels };
  const { width, height } = orientedSize(meta);

  const variants: ProcessedVariant[] = [];
  let previous: ProcessedVariant[] | null = null;
  for (const name of [...MEDIA_WIDTHS].reverse() as MediaWidth[]) {
    const targetWidth = Math.min(name, raw.width);
    // a small original is the same picture at every larger nominal width: encode it once
    if (previous && previous[0].width === targetWidth) {
      variants.push(...previous.map((v) => ({ ...v, name })));
      continue;
    }
    const resized: Sharp = loadSharp()(top.data, { raw }).resize({ width: targetWidth });
    const [jpeg, webp]: Array<{ data: Buffer; info: OutputInfo }> = await Promise.all([
      resized
        .clone()
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, progressive: true })
        .toBuffer({ resolveWithObject: true }),
      resized.clone().webp({ quality: 80, effort: 2 }).toBuffer({ resolveWithObject: true }),
    ]);
    previous = [
      {
        name,
        format: 'jpeg',
        width: jpeg.info.width,
        height: jpeg.info.height,
        bytes: jpeg.data.length,
        body: jpeg.data,
      },
      {
        name,
        format: 'webp',
        width: webp.info.width,
        height: webp.info.height,
        bytes: webp.data.length,
        body: webp.data,
      },
    ];
    variants.push(...previous);
  }
  return { width, height, variants: variants.reverse() };
}

/** EXIF orientations 5-8 turn the picture a quarter: width and height swap. */
function orientedSize(meta: Metadata): { width: number; height: number } {
  const w = meta.width as number;
  const h = (meta.pageHeight ?? meta.height) as number;
  return (meta.orientation ?? 1) >= 5 ? { width: h, height: w } : { width: w, height: h };
}

export const variantKey = (hash: string, v: Pick<StoredVariant, 'name' | 'format'>): string =>
  `${hash}/${v.name}.${v.format === 'jpeg' ? 'jpg' : 'webp'}`;
