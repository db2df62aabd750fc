import { sniffFormat } from './image-pipeline';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffFormat (the format from the first bytes)', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['gif', bytes('GIF89a', [1, 0])],
    ['gif', bytes('GIF87a', [1, 0])],
  ])('accepts %s', (format, head) => {
    expect(sniffFormat(head)).toEqual({ format });
  });

  it.each([
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypmif1')],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif')],
    ['a video or ISO media file', bytes([0, 0, 0, 0x20], 'ftypisom')],
    ['an executable', bytes('MZ', [0x90, 0])],
    ['an executable', bytes([0x7f], 'ELF', [2, 1])],
    ['SVG', bytes('  <svg xmlns="http://www.w3.org/2000/svg">')],
    ['SVG', bytes('<?xml version="1.0"?><svg>')],
    ['PDF', bytes('%PDF-1.7')],
    ['BMP', bytes('BM', [0, 0])],
    ['TIFF', bytes('II*', [0])],
  ])('names %s and refuses it', (refused, head) => {
    expect(sniffFormat(head)).toEqual({ refused });
  });

  it('does not recognise noise, text or an empty file', () => {
    expect(sniffFormat(Buffer.from('hello world'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
    // a JPEG signature cut short is not a JPEG
    expect(sniffFormat(Buffer.from([0xff, 0xd8]))).toBeNull();
    // "RIFF" alone is also WAV/AVI
    expect(sniffFormat(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
  });
});
