import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'sqlite::memory:' };

describe('loadConfig', () => {
  it('gives the embedded defaults with no variables', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: null,
      mongodbUri: null,
      wechatSandbox: true,
      trustProxy: 'loopback',
    });
    expect(config.database).toEqual({ type: 'sqlite', path: ':memory:' });
  });

  it('parses mysql URLs with credentials', () => {
    const config = loadConfig({ ...base, DATABASE_URL: 'mysql://shop:p%40ss@db.internal:3307/sutwxapp' });
    expect(config.database).toMatchObject({
      type: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'shop',
      password: 'p@ss',
      database: 'sutwxapp',
    });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['loopback,uniquelocal', 'loopback,uniquelocal'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('accepts TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('collects every problem into one error', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        PORT: '-1',
        TRUST_PROXY: 'everyone',
        REDIS_URL: 'http://r',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.problems.join('\n');
    for (const expected of [
      'DATABASE_URL',
      'PORT',
      'TRUST_PROXY',
      'REDIS_URL',
      'JWT_SECRET',
      'WECHAT_APP_ID',
      'WECHAT_PAY_PRIVATE_KEY',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('defaults media to the local disk under DATA_DIR, served by the API', () => {
    const c = loadConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/srv/shop', PORT: '3000' });
    expect(c.media.driver).toBe('local');
    expect(c.media.localDir).toBe('/srv/shop/media');
    expect(c.media.publicBaseUrl).toBe('http://127.0.0.1:3000/media');
  });

  it('needs a bucket and a public URL for the S3 media driver, and both keys or neither', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        JWT_SECRET: 'x'.repeat(40),
        MEDIA_DRIVER: 's3',
        MEDIA_S3_ENDPOINT: 'cos.ap-shanghai.myqcloud.com',
        MEDIA_S3_ACCESS_KEY_ID: 'AKID',
        MEDIA_MAX_FILES: '0',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    const text = error!.problems.join('\n');
    for (const expected of [
      'MEDIA_S3_BUCKET is required',
      'MEDIA_PUBLIC_BASE_URL is required',
      'MEDIA_S3_ENDPOINT must start with http',
      'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together',
      'MEDIA_MAX_FILES must be an integer',
    ]) {
      expect(text).toContain(expected);
    }
    const ok = loadConfig({
      JWT_SECRET: 'x'.repeat(40),
      MEDIA_DRIVER: 's3',
      MEDIA_S3_BUCKET: 'shop-1250000000',
      MEDIA_S3_REGION: 'ap-shanghai',
      MEDIA_S3_ENDPOINT: 'https://cos.ap-shanghai.myqcloud.com',
      MEDIA_PUBLIC_BASE_URL: 'https://img.example.cn/',
    });
    expect(ok.media.publicBaseUrl).toBe('https://img.example.cn');
    expect(ok.media.s3).toMatchObject({ bucket: 'shop-1250000000', region: 'ap-shanghai', forcePathStyle: false });
  });

  it('refuses the sandbox in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', WECHAT_SANDBOX: 'true' })).toThrow(
      /WECHAT_SANDBOX cannot be on/,
    );
  });
});
