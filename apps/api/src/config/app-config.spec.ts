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

  it('refuses the sandbox in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', WECHAT_SANDBOX: 'true' })).toThrow(
      /WECHAT_SANDBOX cannot be on/,
    );
  });
});
