import { ConfigError, loadConfig } from './app-config';

const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'sqlite::memory:' };

/** Well-formed credentials of a real (not sandbox) mini-program and merchant account; nothing calls out. */
const realWechat = {
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 's'.repeat(32),
  WECHAT_PAY_MCH_ID: '1900000109',
  WECHAT_PAY_MERCHANT_SERIAL_NO: 'A'.repeat(40),
  WECHAT_PAY_PRIVATE_KEY: 'key',
  WECHAT_PAY_API_V3_KEY: 'k'.repeat(32),
  WECHAT_PAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_1',
  WECHAT_PAY_PUBLIC_KEY: 'pub',
  WECHAT_PUSH_TOKEN: 'token123',
  WECHAT_ENCODING_AES_KEY: 'a'.repeat(43),
};

/** The problems loadConfig refuses this environment for ([] when it loads; any other error is thrown). */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

/** loadConfig refuses `env`, and its problems mention each of `mentions`. */
function expectProblems(env: Record<string, string>, mentions: string[]): void {
  const text = problemsOf(env).join('\n');
  for (const mention of mentions) expect(text).toContain(mention);
}

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

  it('reads the MySQL query timeout and pool size as validated integers', () => {
    expect(loadConfig(base).runtime).toMatchObject({ dbQueryTimeoutMs: 5000, dbPoolSize: 20 });
    expect(loadConfig({ ...base, DB_QUERY_TIMEOUT_MS: '60000', DB_POOL_SIZE: '40' }).runtime).toMatchObject({
      dbQueryTimeoutMs: 60000,
      dbPoolSize: 40,
    });
    expect(() => loadConfig({ ...base, DB_QUERY_TIMEOUT_MS: 'soon' })).toThrow(/DB_QUERY_TIMEOUT_MS/);
    expect(() => loadConfig({ ...base, DB_POOL_SIZE: '0' })).toThrow(/DB_POOL_SIZE/);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['loopback,uniquelocal', 'loopback,uniquelocal'],
    ['10.0.0.0/8, 127.0.0.1', '10.0.0.0/8, 127.0.0.1'],
  ])('accepts TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it('refuses invalid process-level numbers at boot, each one named (DB_POOL_SIZE=abc was NaN)', () => {
    const problems = problemsOf({
      ...base,
      DB_POOL_SIZE: 'abc',
      DB_QUERY_TIMEOUT_MS: '-5',
      BODY_LIMIT_BYTES: '1e99',
      SHUTDOWN_DELAY_MS: 'soon',
      HEALTH_HEAP_LIMIT_MB: '1.5',
      HEALTH_DISK_THRESHOLD: '2',
      WECHAT_SANDBOX_PORT: '70000',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'DB_POOL_SIZE',
        'DB_QUERY_TIMEOUT_MS',
        'BODY_LIMIT_BYTES',
        'SHUTDOWN_DELAY_MS',
        'HEALTH_HEAP_LIMIT_MB',
        'HEALTH_DISK_THRESHOLD',
        'WECHAT_SANDBOX_PORT',
      ]),
    );
    expect(loadConfig({ ...base, DB_POOL_SIZE: '7', HEALTH_DISK_THRESHOLD: '0.9' }).runtime).toMatchObject({
      dbPoolSize: 7,
      healthDiskThreshold: 0.9,
    });
  });

  it('collects every problem into one error', () => {
    expectProblems(
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://x/y',
        PORT: '-1',
        TRUST_PROXY: 'everyone',
        REDIS_URL: 'http://r',
      },
      ['DATABASE_URL', 'PORT', 'TRUST_PROXY', 'REDIS_URL', 'JWT_SECRET', 'WECHAT_APP_ID', 'WECHAT_PAY_PRIVATE_KEY'],
    );
  });

  it('defaults media to the local disk under DATA_DIR, served by the API', () => {
    const c = loadConfig({ JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/srv/shop', PORT: '3000' });
    expect(c.media.driver).toBe('local');
    expect(c.media.localDir).toBe('/srv/shop/media');
    expect(c.media.publicBaseUrl).toBe('http://127.0.0.1:3000/media');
  });

  it('needs a bucket and a public URL for the S3 media driver, and both keys or neither', () => {
    expectProblems(
      {
        JWT_SECRET: 'x'.repeat(40),
        MEDIA_DRIVER: 's3',
        MEDIA_S3_ENDPOINT: 'cos.ap-shanghai.myqcloud.com',
        MEDIA_S3_ACCESS_KEY_ID: 'AKID',
        MEDIA_MAX_FILES: '0',
      },
      [
        'MEDIA_S3_BUCKET is required',
        'MEDIA_PUBLIC_BASE_URL is required',
        'MEDIA_S3_ENDPOINT must start with http',
        'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together',
        'MEDIA_MAX_FILES must be an integer',
      ],
    );
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

  describe('docs and metrics exposure (production keeps both off the public port)', () => {
    const production = {
      ...base,
      NODE_ENV: 'production',
      WECHAT_SANDBOX: 'false',
      ...realWechat,
      PUBLIC_BASE_URL: 'https://shop.example.com',
    };

    it('in development: docs on, /metrics on the public port without a token', () => {
      expect(loadConfig(base).exposure).toEqual({ openapiDocs: true, metrics: { port: null, token: null } });
    });

    it('in production: docs off and /metrics on port 9464 by default', () => {
      expect(loadConfig(production).exposure).toEqual({ openapiDocs: false, metrics: { port: 9464, token: null } });
    });

    it('in production a token keeps /metrics on the public port, guarded', () => {
      const token = 't'.repeat(24);
      expect(loadConfig({ ...production, METRICS_TOKEN: token }).exposure.metrics).toEqual({ port: null, token });
    });

    it('honours explicit choices', () => {
      expect(loadConfig({ ...production, OPENAPI_DOCS: 'true', METRICS_PORT: '9100' }).exposure).toEqual({
        openapiDocs: true,
        metrics: { port: 9100, token: null },
      });
      expect(loadConfig({ ...production, METRICS_PORT: 'off' }).exposure.metrics.port).toBeNull();
    });

    it.each([
      [{ METRICS_PORT: '3000', PORT: '3000' }, /METRICS_PORT must differ from PORT/],
      [{ METRICS_PORT: 'nine' }, /METRICS_PORT must be a port number/],
      [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16/],
      [{ OPENAPI_DOCS: 'maybe' }, /OPENAPI_DOCS must be true or false/],
    ])('refuses %p', (env, message) => {
      expect(() => loadConfig({ ...base, ...env })).toThrow(message);
    });
  });

  it('turns the sandbox off by default once real WeChat credentials are set, even without NODE_ENV', () => {
    const { NODE_ENV: _unset, ...noEnv } = base;
    expect(loadConfig({ ...noEnv, ...realWechat }).wechatSandbox).toBe(false);
    expect(loadConfig(noEnv).wechatSandbox).toBe(true);
  });

  it('refuses the sandbox asked for next to a real credential', () => {
    expect(() => loadConfig({ ...base, WECHAT_SANDBOX: 'true', WECHAT_PAY_MCH_ID: '1900000001' })).toThrow(
      /WECHAT_SANDBOX is on but real WeChat credentials are set \(WECHAT_PAY_MCH_ID\)/,
    );
  });

  it('caps the payable amount at what WeChat Pay can carry (int32 fen)', () => {
    expect(loadConfig(base).order.limits.maxPayableFen).toBe(10_000_000);
    expect(() => loadConfig({ ...base, ORDER_MAX_PAYABLE_FEN: '2147483648' })).toThrow(/ORDER_MAX_PAYABLE_FEN/);
  });
});

describe('loadConfig: WeChat platform block', () => {
  it('uses the sandbox’s push token, EncodingAESKey and template ids by default', () => {
    const { wechatPlatform } = loadConfig(base);
    expect(wechatPlatform.pushToken).toMatch(/^[A-Za-z0-9]{3,32}$/);
    expect(wechatPlatform.encodingAesKey).toHaveLength(43);
    expect(wechatPlatform.templates.order_paid).toEqual({
      templateId: 'sandbox-tpl-order-paid',
      fields: { character_string1: 'orderNo', thing2: 'productTitle', amount3: 'amount', time4: 'time' },
      page: 'pages/order/detail/index',
    });
    expect(wechatPlatform.subscribeState).toBe('developer');
  });

  it('requires the push token and EncodingAESKey without the sandbox', () => {
    expectProblems({ ...base, WECHAT_SANDBOX: 'false' }, ['WECHAT_PUSH_TOKEN', 'WECHAT_ENCODING_AES_KEY']);
  });

  it('checks the key’s length, template ids and field mappings', () => {
    expectProblems(
      {
        ...base,
        WECHAT_ENCODING_AES_KEY: 'short',
        WECHAT_TPL_ORDER_PAID: 'has spaces',
        WECHAT_TPL_ORDER_SHIPPED_FIELDS: 'thing1:nope',
        WECHAT_SUBSCRIBE_STATE: 'beta',
      },
      // 'WECHAT_TPL_ORDER_PAID ' with its space: the template id's own problem, not its _FIELDS'
      [
        'WECHAT_ENCODING_AES_KEY',
        'WECHAT_TPL_ORDER_PAID ',
        'WECHAT_TPL_ORDER_SHIPPED_FIELDS',
        'WECHAT_SUBSCRIBE_STATE',
      ],
    );
  });

  it('turns a notice off with an empty template id and maps custom fields', () => {
    const { wechatPlatform } = loadConfig({
      ...base,
      WECHAT_TPL_REFUND_SUCCEEDED: ' ',
      WECHAT_TPL_ORDER_PAID: 'AbC-123_x',
      WECHAT_TPL_ORDER_PAID_FIELDS: 'character_string9:orderNo, amount1:amount',
    });
    expect(wechatPlatform.templates.order_paid).toMatchObject({
      templateId: 'AbC-123_x',
      fields: { character_string9: 'orderNo', amount1: 'amount' },
    });
    // an empty value means "the sandbox default" only in the sandbox; in production it means off
    expect(
      loadConfig({ ...base, WECHAT_SANDBOX: 'false', ...realWechat }).wechatPlatform.templates.refund_succeeded
        .templateId,
    ).toBe('');
  });
});
