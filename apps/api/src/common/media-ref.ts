/**
 * How other features point at an uploaded image: `media:<id>/<hash>` in their own columns
 * (products.images, categories.icon, banners.image). The id is what deletion and the orphan
 * sweep check; the hash is the storage directory, so a URL is rendered without a lookup.
 */
const REF = /^media:(\d{1,12})\/([0-9a-f]{16,64})$/;

export interface MediaRef {
  id: number;
  hash: string;
}

export function parseMediaRef(value: string): MediaRef | null {
  const m = REF.exec(value);
  return m ? { id: Number(m[1]), hash: m[2] } : null;
}

export const formatMediaRef = (ref: MediaRef): string => `media:${ref.id}/${ref.hash}`;

/**
 * The JPEG at a nominal width (240, 750 or 1500) under the media base URL (a CDN, or the API's
 * /media). JPEG, not WebP, because the mini-program's <image> shows WebP only when told to.
 */
export const mediaUrl = (baseUrl: string, hash: string, width: 240 | 750 | 1500 = 750): string =>
  `${baseUrl}/${hash}/${width}.jpg`;
