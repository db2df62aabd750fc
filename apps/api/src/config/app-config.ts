import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | {
      type: 'mysql';
      url: string;
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
    };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Fastify trustProxy: proxies whose X-Forwarded-For names the client (rate limits use it) */
  trustProxy: boolean | string;
  database: DatabaseConfig;
  /** Pending migrations are applied at boot unless disabled (production runs a migration job). */
  migrateOnStart: boolean;
  redisUrl: string | null;
  redisKeyPrefix: string;
  mongodbUri: string | null;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  wechatSandbox: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  slowQueryMs: number;
  seedDemo: boolean;
  /** Where publicly reachable URLs (notify_url, image URLs) start, e.g. https://shop.example.com */
  publicBaseUrl: string;
  admin: { username: string | null; password: string | null };
  order: {
    payTimeoutSeconds: number;
    autoConfirmDays: number;
    /** shipped orders whose tracking has shown them signed for this many days complete (0 = at once) */
    signedConfirmDays: number;
    freightFen: number;
    freeFreightThresholdFen: number;
    sweepIntervalMs: number;
  };
  throttle: { loginLimit: number; loginTtlSeconds: number };
  wechat: {
    appId: string;
    appSecret: string;
    apiBaseUrl: string;
    pay: {
      mchId: string;
      merchantSerialNo: string;
      merchantPrivateKey: string;
      apiV3Key: string;
      platformPublicKeyId: string;
      platformPublicKey: string;
      /** legacy platform certificates, `serial=pem-or-path;serial2=…` */
      platformCerts: string;
      baseUrl: string;
      notifyUrl: string;
      refundNotifyUrl: string;
    };
    kuaidi100: { customer: string; key: string; baseUrl: string };
  };
  eventsTtlDays: number;
  media: MediaConfig;
}

export interface MediaConfig {
  driver: 'local' | 's3';
  /** local driver: where files live (a PersistentVolume in Kubernetes: single replica only) */
  localDir: string;
  /** where image URLs start: a CDN in front of the bucket, or the API's own /media */
  publicBaseUrl: string;
  s3: {
    bucket: string;
    region: string;
    endpoint: string | null;
    forcePathStyle: boolean;
    accessKeyId: string;
    secretAccessKey: string;
    /** key prefix inside the bucket, e.g. "shop1/" */
    prefix: string;
  };
  maxFileBytes: number;
  maxFiles: number;
  /** width × height of an original; bigger is refused before it is decoded (decompression bombs) */
  maxPixels: number;
  /** uploads per shopper per 24 hours */
  userDailyQuota: number;
  /** images processed at once per replica; caps memory when many arrive together */
  processConcurrency: number;
  /** unreferenced uploads older than this are deleted by the sweeper */
  orphanTtlHours: number;
  sweepIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the whole environment once; every problem is reported together. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };

  const rawEnv = str('NODE_ENV', 'development');
  let nodeEnv: AppConfig['nodeEnv'] = 'development';
  if (rawEnv === 'production' || rawEnv === 'test' || rawEnv === 'development') nodeEnv = rawEnv;
  else problems.push(`NODE_ENV must be development, test or production (got "${rawEnv}")`);
  const production = nodeEnv === 'production';

  const database = parseDatabaseUrl(str('DATABASE_URL', 'sqlite:./data/sutwxapp.sqlite'), problems);
  const redisUrl = optionalUrl('REDIS_URL', env, ['redis:', 'rediss:'], problems);
  const mongodbUri = optionalUrl('MONGODB_URI', env, ['mongodb:', 'mongodb+srv:'], problems);

  const wechatSandbox = bool('WECHAT_SANDBOX', !production);
  if (production && wechatSandbox) {
    problems.push('WECHAT_SANDBOX cannot be on when NODE_ENV=production (it fakes payments)');
  }

  let jwtSecret = env.JWT_SECRET?.trim() ?? '';
  if (jwtSecret !== '' && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  } else if (jwtSecret === '') {
    if (production) problems.push('JWT_SECRET is required when NODE_ENV=production');
    else jwtSecret = persistedDevSecret(str('DATA_DIR', './data'));
  }

  const logLevel = str('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}`);

  const port = int('PORT', 3000, 0, 65535);
  const publicBaseUrl = str('PUBLIC_BASE_URL', `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicBaseUrl)) problems.push('PUBLIC_BASE_URL must start with http:// or https://');

  const adminUser = env.ADMIN_USERNAME?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if (adminUser && (!adminPassword || adminPassword.length < 8)) {
    problems.push('ADMIN_PASSWORD must be at least 8 characters when ADMIN_USERNAME is set');
  }

  const pay = {
    mchId: str('WECHAT_PAY_MCH_ID', ''),
    merchantSerialNo: str('WECHAT_PAY_MERCHANT_SERIAL_NO', ''),
    merchantPrivateKey: str('WECHAT_PAY_PRIVATE_KEY', ''),
    apiV3Key: str('WECHAT_PAY_API_V3_KEY', ''),
    platformPublicKeyId: str('WECHAT_PAY_PUBLIC_KEY_ID', ''),
    platformPublicKey: str('WECHAT_PAY_PUBLIC_KEY', ''),
    platformCerts: str('WECHAT_PAY_PLATFORM_CERTS', ''),
    baseUrl: str('WECHAT_PAY_BASE_URL', 'https://api.mch.weixin.qq.com'),
    notifyUrl: str('WECHAT_PAY_NOTIFY_URL', `${publicBaseUrl}/api/v1/payments/wechat/notify`),
    refundNotifyUrl: str('WECHAT_PAY_REFUND_NOTIFY_URL', `${publicBaseUrl}/api/v1/payments/wechat/refund-notify`),
  };
  const wechat = {
    appId: str('WECHAT_APP_ID', ''),
    appSecret: str('WECHAT_APP_SECRET', ''),
    apiBaseUrl: str('WECHAT_API_BASE_URL', 'https://api.weixin.qq.com'),
    pay,
    kuaidi100: {
      customer: str('KUAIDI100_CUSTOMER', ''),
      key: str('KUAIDI100_KEY', ''),
      baseUrl: str('KUAIDI100_BASE_URL', 'https://poll.kuaidi100.com'),
    },
  };
  if (!wechatSandbox) {
    // Without the sandbox every credential must be real; a shop that cannot take money must not start.
    const required: Array<[string, string]> = [
      ['WECHAT_APP_ID', wechat.appId],
      ['WECHAT_APP_SECRET', wechat.appSecret],
      ['WECHAT_PAY_MCH_ID', pay.mchId],
      ['WECHAT_PAY_MERCHANT_SERIAL_NO', pay.merchantSerialNo],
      ['WECHAT_PAY_PRIVATE_KEY', pay.merchantPrivateKey],
      ['WECHAT_PAY_API_V3_KEY', pay.apiV3Key],
      ['WECHAT_PAY_PUBLIC_KEY_ID', pay.platformPublicKeyId],
      ['WECHAT_PAY_PUBLIC_KEY', pay.platformPublicKey],
    ];
    for (const [name, value] of required) {
      if (value === '') problems.push(`${name} is required when WECHAT_SANDBOX is off`);
    }
    if (pay.apiV3Key !== '' && Buffer.byteLength(pay.apiV3Key) !== 32) {
      problems.push('WECHAT_PAY_API_V3_KEY must be exactly 32 characters');
    }
    if (production && !pay.notifyUrl.startsWith('https://')) {
      problems.push('WECHAT_PAY_NOTIFY_URL (or PUBLIC_BASE_URL) must be https in production');
    }
  }

  const config: AppConfig = {
    nodeEnv,
    port,
    host: str('HOST', '0.0.0.0'),
    trustProxy: parseTrustProxy(str('TRUST_PROXY', 'loopback'), problems),
    database,
    migrateOnStart: bool('MIGRATE_ON_START', !production),
    redisUrl,
    redisKeyPrefix: str('REDIS_KEY_PREFIX', 'sutwxapp:'),
    mongodbUri,
    jwtSecret,
    jwtExpiresInSeconds: int('JWT_EXPIRES_IN_SECONDS', 7 * 24 * 3600, 60, 90 * 24 * 3600),
    wechatSandbox,
    logLevel: logLevel as AppConfig['logLevel'],
    slowQueryMs: int('SLOW_QUERY_MS', 200, 1, 600_000),
    seedDemo: bool('SEED_DEMO', !production),
    publicBaseUrl,
    admin: { username: adminUser, password: adminPassword },
    order: {
      payTimeoutSeconds: int('ORDER_PAY_TIMEOUT', 30 * 60, 60, 7 * 24 * 3600),
      autoConfirmDays: int('ORDER_AUTO_CONFIRM_DAYS', 7, 1, 60),
      signedConfirmDays: int('ORDER_SIGNED_CONFIRM_DAYS', 3, 0, 60),
      freightFen: int('FREIGHT_FEN', 1000, 0, 1_000_000),
      freeFreightThresholdFen: int('FREE_FREIGHT_THRESHOLD_FEN', 9900, 0, 100_000_000),
      sweepIntervalMs: int('SWEEP_INTERVAL_MS', 5000, 100, 3_600_000),
    },
    throttle: {
      loginLimit: int('LOGIN_RATE_LIMIT', 20, 1, 100_000),
      loginTtlSeconds: int('LOGIN_RATE_WINDOW_SECONDS', 60, 1, 3600),
    },
    wechat,
    eventsTtlDays: int('EVENTS_TTL_DAYS', 180, 1, 3650),
    media: loadMediaConfig(env, { str, int, bool }, publicBaseUrl, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

type Readers = {
  str: (name: string, fallback: string) => string;
  int: (name: string, fallback: number, min: number, max: number) => number;
  bool: (name: string, fallback: boolean) => boolean;
};

function loadMediaConfig(env: Env, { str, int, bool }: Readers, apiBaseUrl: string, problems: string[]): MediaConfig {
  const driver = str('MEDIA_DRIVER', 'local');
  if (driver !== 'local' && driver !== 's3') problems.push(`MEDIA_DRIVER must be local or s3 (got "${driver}")`);
  const s3 = {
    bucket: str('MEDIA_S3_BUCKET', ''),
    region: str('MEDIA_S3_REGION', 'us-east-1'),
    endpoint: env.MEDIA_S3_ENDPOINT?.trim() || null,
    forcePathStyle: bool('MEDIA_S3_FORCE_PATH_STYLE', false),
    accessKeyId: str('MEDIA_S3_ACCESS_KEY_ID', ''),
    secretAccessKey: str('MEDIA_S3_SECRET_ACCESS_KEY', ''),
    prefix: str('MEDIA_S3_PREFIX', '').replace(/^\/+/, ''),
  };
  const publicBase = env.MEDIA_PUBLIC_BASE_URL?.trim().replace(/\/+$/, '');
  if (publicBase && !/^https?:\/\//.test(publicBase))
    problems.push('MEDIA_PUBLIC_BASE_URL must start with http:// or https://');
  if (driver === 's3') {
    if (!s3.bucket) problems.push('MEDIA_S3_BUCKET is required when MEDIA_DRIVER=s3');
    // The API does not proxy the bucket: image URLs must point at it (or at a CDN in front of it).
    if (!publicBase) problems.push('MEDIA_PUBLIC_BASE_URL is required when MEDIA_DRIVER=s3 (the bucket or its CDN)');
    if (s3.endpoint && !/^https?:\/\//.test(s3.endpoint))
      problems.push('MEDIA_S3_ENDPOINT must start with http:// or https://');
    if (Boolean(s3.accessKeyId) !== Boolean(s3.secretAccessKey)) {
      problems.push(
        'MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together (or leave both empty for the SDK defaults)',
      );
    }
  }
  return {
    driver: driver === 's3' ? 's3' : 'local',
    localDir: resolve(str('MEDIA_LOCAL_DIR', `${str('DATA_DIR', './data')}/media`)),
    publicBaseUrl: publicBase || `${apiBaseUrl}/media`,
    s3,
    maxFileBytes: int('MEDIA_MAX_FILE_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    maxFiles: int('MEDIA_MAX_FILES', 9, 1, 50),
    maxPixels: int('MEDIA_MAX_PIXELS', 40_000_000, 10_000, 500_000_000),
    userDailyQuota: int('MEDIA_USER_DAILY_QUOTA', 30, 1, 100_000),
    processConcurrency: int('MEDIA_PROCESS_CONCURRENCY', 2, 1, 64),
    orphanTtlHours: int('MEDIA_ORPHAN_TTL_HOURS', 24, 1, 24 * 365),
    sweepIntervalMs: int('MEDIA_SWEEP_INTERVAL_MS', 3_600_000, 1000, 24 * 3_600_000),
  };
}

/** `true`/`false`, or a list of addresses, CIDRs and proxy-addr names (loopback, uniquelocal…). */
function parseTrustProxy(raw: string, problems: string[]): boolean | string {
  const lowered = raw.toLowerCase();
  if (lowered === 'true') return true;
  if (lowered === 'false' || lowered === 'none') return false;
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const bad = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '' && !named.includes(p) && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p));
  if (bad.length > 0) {
    problems.push(`TRUST_PROXY must be true, false, or addresses/CIDRs/loopback/uniquelocal (bad: ${bad.join(', ')})`);
  }
  return raw;
}

function optionalUrl(name: string, env: Env, protocols: string[], problems: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${raw}")`);
    }
  } catch {
    problems.push(`${name} is not a valid URL (got "${raw}")`);
  }
  return raw;
}

/**
 * `sqlite:./data/x.sqlite`, `sqlite::memory:` or `mysql://user:pass@host:3306/db` (MariaDB too).
 */
export function parseDatabaseUrl(raw: string, problems: string[]): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') problems.push('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/shop.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(
      `DATABASE_URL is not a valid URL (got "${redact(raw)}"); use sqlite:./data/shop.sqlite or mysql://user:password@host:3306/database`,
    );
    return { type: 'sqlite', path: resolve('./data/sutwxapp.sqlite') };
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    problems.push(`DATABASE_URL must start with sqlite: or mysql:// (got "${url.protocol}//…")`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '') problems.push('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/sutwxapp');
  return {
    type: 'mysql',
    url: raw,
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
  };
}

function redact(raw: string): string {
  return raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Development convenience: one random secret per checkout, kept across restarts. */
function persistedDevSecret(dataDir: string): string {
  const file = resolve(dataDir, '.jwt-secret');
  if (existsSync(file)) {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
