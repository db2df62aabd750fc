import { formatMediaRef, parseMediaRef } from './media-ref';
import { publicUrl } from './public-url';

const hash = 'ab'.repeat(32);

describe('media references', () => {
  it('round-trips media:<id>/<hash>', () => {
    expect(parseMediaRef(formatMediaRef({ id: 12, hash }))).toEqual({ id: 12, hash });
  });

  it('refuses anything else', () => {
    for (const v of [
      'media:12',
      `media:x/${hash}`,
      `media:12/${hash}/750.jpg`,
      `/media/${hash}/750.jpg`,
      `media:12/ZZ${hash}`,
    ]) {
      expect([v, parseMediaRef(v)]).toEqual([v, null]);
    }
  });

  it('renders a reference under the media base at the asked width, other paths as before', () => {
    const config = { publicBaseUrl: 'https://api.example.cn', media: { publicBaseUrl: 'https://img.example.cn' } };
    expect(publicUrl(config, `media:3/${hash}`)).toBe(`https://img.example.cn/${hash}/750.jpg`);
    expect(publicUrl(config, `media:3/${hash}`, 240)).toBe(`https://img.example.cn/${hash}/240.jpg`);
    expect(publicUrl({ publicBaseUrl: 'https://api.example.cn' }, `media:3/${hash}`)).toBe(
      `https://api.example.cn/media/${hash}/750.jpg`,
    );
    expect(publicUrl(config, '/api/v1/assets/demo/p01.svg')).toBe('https://api.example.cn/api/v1/assets/demo/p01.svg');
    expect(publicUrl(config, 'https://x.example.com/a.jpg')).toBe('https://x.example.com/a.jpg');
    expect(publicUrl(config, null)).toBeNull();
  });
});
