import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A photo-like JPEG (smooth colour fields, compresses like a real picture). */
export async function photoJpeg(width: number, height: number, quality = 85): Promise<Buffer> {
  return smooth(width, height).jpeg({ quality }).toBuffer();
}

function smooth(width: number, height: number) {
  return sharp({
    create: {
      width: Math.max(2, Math.round(width / 16)),
      height: Math.max(2, Math.round(height / 16)),
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  }).resize(width, height, { kernel: 'cubic' });
}

export const photoPng = (w: number, h: number): Promise<Buffer> => smooth(w, h).png().toBuffer();
export const photoWebp = (w: number, h: number): Promise<Buffer> => smooth(w, h).webp().toBuffer();

/** A two-frame animated GIF (red, then blue). */
export async function animatedGif(w: number, h: number): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width: w, height: h, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A phone photo as it leaves the camera: sideways pixels with EXIF orientation 6 and a GPS position. */
export async function phonePhotoWithGps(width: number, height: number): Promise<Buffer> {
  return smooth(width, height)
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .toBuffer();
}

/** Does this EXIF block carry a GPS IFD (tag 0x8825, either byte order)? */
export const exifHasGps = (exif: Buffer | undefined): boolean =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

/**
 * A decompression bomb: a valid PNG header announcing 50000×50000 pixels (2.5 gigapixels,
 * ~7.5 GB decoded) with a few bytes of data. Only the header should ever be read.
 */
export function pngBomb(width = 50_000, height = 50_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
