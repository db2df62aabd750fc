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

export interface RuntimeConfig {
  /** DATA_DIR: the development secrets and generated admin password live here */
  dataDir: string;
  /** MySQL pool size and per-query timeout (a frozen database answers 503, not a hang) */
  dbPoolSize: number;
  dbQueryTimeoutMs: number;
  bodyLimitBytes: number;
  /** pause between readiness failing and the listener closing, for load balancers */
  shutdownDelayMs: number;
  healthHeapLimitMb: number;
  /** 0..1: the disk fill ratio readiness refuses at */
  healthDiskThreshold: number;
  /** 0 = any free port */
  wechatSandboxPort: number;
  /** set explicitly (else the sandbox calls the app's own loopback address) */
  notifyUrlSet: boolean;
  refundNotifyUrlSet: boolean;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Fastify trustProxy: proxies whose X-Forwarded-For names the client (rate limits use it) */
  trustProxy: boolean | string;
  database: DatabaseConfig;
  /** Pending migrations are applied at boot unless disabled (production runs a migration job). */
  migrateOnStart: boolean;
  /** MySQL: how long a request waits for a pooled connection before answering 503 */
  dbPoolAcquireTimeoutMs: number;
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
    /** anti-hoarding and WeChat Pay limits, each refused with its own error code */
    limits: OrderLimits;
    /** most rows one CSV export of the console may hold (more: EXPORT_TOO_LARGE, narrow the filters) */
    exportMaxRows: number;
  };
  /** per client IP and window; shopper and operator logins have separate budgets */
  throttle: { loginLimit: number; adminLoginLimit: number; loginTtlSeconds: number };
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
  /** a keyword search ranks and counts at most this many matches (docs/search.md) */
  searchMaxResults: number;
  /** What the public port shows besides the API itself (off by default in production). */
  exposure: ExposureConfig;
  /** POST /events is free to call: events (not requests) per minute, per shopper and per client IP */
  events: { perShopperPerMinute: number; perIpPerMinute: number };
  wechatPlatform: WechatPlatformConfig;
  media: MediaConfig;
  promotion: PromotionConfig;
  /** Process-level settings read nowhere else (every variable is read in this file). */
  runtime: RuntimeConfig;
  /** the merchant console's built files (`npm run build` writes them); served at /admin when present */
  adminConsoleDir: string;
  /** favourites, browsing history and reviews */
  engagement: EngagementConfig;
}

export interface EngagementConfig {
  /** products kept in a shopper's browsing history */
  historyLimit: number;
  /** how often buffered product views are written (per replica) */
  historyFlushMs: number;
  /** favourites per shopper */
  favouritesMax: number;
  /** days after an order completes during which its items can be reviewed */
  reviewWindowDays: number;
  /** days after the first review during which one follow-up can be added */
  reviewFollowUpDays: number;
}

/** Coupons, points, check-in and after-sale rules (docs/promotions.md). */
export interface PromotionConfig {
  /** a coupon of a wholly refunded order comes back to the shopper if still valid */
  couponReturnOnRefund: boolean;
  /** fen one point is worth at checkout */
  pointsFenPerPoint: number;
  /** points may pay at most this share (percent) of the goods amount after the coupon */
  pointsMaxSharePercent: number;
  /** points earned per yuan paid when an order completes */
  pointsEarnPerYuan: number;
  pointsExpireDays: number;
  /** check-in points per streak day; the last value repeats */
  checkinRewards: number[];
  /** a completed order accepts after-sale requests this many days after completion */
  aftersaleWindowDays: number;
  /** no operator answer in this many days: approved */
  aftersaleAutoApproveDays: number;
  /** an approved return not shipped back in this many days: closed */
  aftersaleReturnShipDays: number;
  sweepIntervalMs: number;
}

function loadPromotionConfig(
  env: Env,
  int: (name: string, fallback: number, min: number, max: number) => number,
  bool: (name: string, fallback: boolean) => boolean,
  problems: string[],
): PromotionConfig {
  const rawRewards = env.CHECKIN_REWARDS?.trim() || '5,5,10,10,15,15,20';
  const checkinRewards = rawRewards.split(',').map((x) => Number(x.trim()));
  if (checkinRewards.length > 31 || checkinRewards.some((n) => !Number.isInteger(n) || n < 0 || n > 100_000)) {
    problems.push(`CHECKIN_REWARDS must be up to 31 comma-separated whole numbers 0..100000 (got "${rawRewards}")`);
  }
  return {
    couponReturnOnRefund: bool('COUPON_RETURN_ON_REFUND', true),
    pointsFenPerPoint: int('POINTS_FEN_PER_POINT', 1, 1, 10_000),
    pointsMaxSharePercent: int('POINTS_MAX_SHARE_PERCENT', 50, 0, 100),
    pointsEarnPerYuan: int('POINTS_EARN_PER_YUAN', 1, 0, 10_000),
    pointsExpireDays: int('POINTS_EXPIRE_DAYS', 365, 1, 3650),
    checkinRewards,
    aftersaleWindowDays: int('AFTERSALE_WINDOW_DAYS', 7, 0, 365),
    aftersaleAutoApproveDays: int('AFTERSALE_AUTO_APPROVE_DAYS', 3, 1, 60),
    aftersaleReturnShipDays: int('AFTERSALE_RETURN_SHIP_DAYS', 7, 1, 60),
    sweepIntervalMs: int('AFTERSALE_SWEEP_INTERVAL_MS', 60_000, 100, 3_600_000),
  };
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

// ---- WeChat platform duties: message push, access token, shipping upload, notices ----

/** Events that send a subscribe message, each with its template id ('' = that notice is off). */
export const SUBSCRIBE_EVENTS = ['order_paid', 'order_shipped', 'refund_succeeded', 'aftersale_result'] as const;
export type SubscribeEvent = (typeof SUBSCRIBE_EVENTS)[number];
/** What a template field may show; the mapping says which variable fills which template key. */
export const SUBSCRIBE_VARIABLES = [
  'orderNo',
  'amount',
  'productTitle',
  'time',
  'carrierName',
  'trackingNo',
  'status',
  'remark',
] as const;
export type SubscribeVariable = (typeof SUBSCRIBE_VARIABLES)[number];

export interface SubscribeTemplateConfig {
  templateId: string;
  /** template key (e.g. character_string1) → variable */
  fields: Record<string, SubscribeVariable>;
  /** the mini-program page the notice opens */
  page: string;
}

export interface WechatPlatformConfig {
  /** 消息推送 Token (3–32 letters/digits) */
  pushToken: string;
  /** 消息推送 EncodingAESKey (43 characters) */
  encodingAesKey: string;
  /** pushes older or newer than this are refused (replays) */
  pushMaxSkewSeconds: number;
  /** refresh the access token this long before it expires */
  tokenRefreshAheadSeconds: number;
  /** how often the upload and notice workers look for due work */
  workerIntervalMs: number;
  /** first retry delay; doubles per attempt up to an hour */
  retryBaseMs: number;
  maxAttempts: number;
  /** developer | trial | formal: which mini-program version a notice opens */
  subscribeState: 'developer' | 'trial' | 'formal';
  templates: Record<SubscribeEvent, SubscribeTemplateConfig>;
}

const DEFAULT_TEMPLATE_FIELDS: Record<SubscribeEvent, string> = {
  order_paid: 'character_string1:orderNo,thing2:productTitle,amount3:amount,time4:time',
  order_shipped: 'character_string1:orderNo,thing2:productTitle,thing3:carrierName,character_string4:trackingNo',
  refund_succeeded: 'character_string1:orderNo,amount2:amount,time3:time',
  aftersale_result: 'character_string1:orderNo,phrase2:status,thing3:remark',
};
const TEMPLATE_ENV: Record<SubscribeEvent, string> = {
  order_paid: 'WECHAT_TPL_ORDER_PAID',
  order_shipped: 'WECHAT_TPL_ORDER_SHIPPED',
  refund_succeeded: 'WECHAT_TPL_REFUND_SUCCEEDED',
  aftersale_result: 'WECHAT_TPL_AFTERSALE_RESULT',
};
/** fixed development values: the sandbox is configured with the same ones */
export const SANDBOX_PUSH_TOKEN = 'sutwxappSandboxPushToken';
export const SANDBOX_ENCODING_AES_KEY = 'c3V0d3hhcHBTYW5kYm94RW5jb2RpbmdBRVNLZXkxMjM';

function loadWechatPlatformConfig(
  env: Env,
  sandbox: boolean,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
): WechatPlatformConfig {
  const str = (name: string, fallback: string): string => env[name]?.trim() || fallback;
  const pushToken = str('WECHAT_PUSH_TOKEN', sandbox ? SANDBOX_PUSH_TOKEN : '');
  const encodingAesKey = str('WECHAT_ENCODING_AES_KEY', sandbox ? SANDBOX_ENCODING_AES_KEY : '');
  if (!/^[A-Za-z0-9]{3,32}$/.test(pushToken)) {
    problems.push(
      `WECHAT_PUSH_TOKEN must be 3–32 letters or digits (the 消息推送 Token)${sandbox ? '' : '; required when WECHAT_SANDBOX is off'}`,
    );
  }
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    problems.push(
      `WECHAT_ENCODING_AES_KEY must be the 43-character EncodingAESKey${sandbox ? '' : '; required when WECHAT_SANDBOX is off'}`,
    );
  }
  const state = str('WECHAT_SUBSCRIBE_STATE', sandbox ? 'developer' : 'formal');
  if (!['developer', 'trial', 'formal'].includes(state)) {
    problems.push('WECHAT_SUBSCRIBE_STATE must be developer, trial or formal');
  }
  const templates = {} as Record<SubscribeEvent, SubscribeTemplateConfig>;
  for (const event of SUBSCRIBE_EVENTS) {
    const name = TEMPLATE_ENV[event];
    const templateId = str(name, sandbox ? `sandbox-tpl-${event.replace(/_/g, '-')}` : '');
    if (templateId !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) {
      problems.push(`${name} must be a template id from the admin console (letters, digits, - and _)`);
    }
    const fields: Record<string, SubscribeVariable> = {};
    for (const pair of str(`${name}_FIELDS`, DEFAULT_TEMPLATE_FIELDS[event]).split(',')) {
      const [key, variable] = pair.split(':').map((x) => x?.trim());
      if (!key || !/^[a-z_]+\d+$/.test(key) || !(SUBSCRIBE_VARIABLES as readonly string[]).includes(variable ?? '')) {
        problems.push(
          `${name}_FIELDS must be key:variable pairs like thing2:productTitle (variables: ${SUBSCRIBE_VARIABLES.join(', ')}); bad: "${pair}"`,
        );
        continue;
      }
      fields[key] = variable as SubscribeVariable;
    }
    templates[event] = { templateId, fields, page: str(`${name}_PAGE`, 'pages/order/detail/index') };
  }
  return {
    pushToken,
    encodingAesKey,
    pushMaxSkewSeconds: int('WECHAT_PUSH_MAX_SKEW_SECONDS', 300, 30, 3600),
    tokenRefreshAheadSeconds: int('WECHAT_TOKEN_REFRESH_AHEAD_SECONDS', 300, 0, 3600),
    workerIntervalMs: int('WECHAT_WORKER_INTERVAL_MS', 2000, 50, 3_600_000),
    retryBaseMs: int('WECHAT_RETRY_BASE_MS', 5000, 10, 3_600_000),
    maxAttempts: int('WECHAT_MAX_ATTEMPTS', 12, 1, 100),
    subscribeState: state as WechatPlatformConfig['subscribeState'],
    templates,
  };
}

export interface ExposureConfig {
  /** Swagger UI and JSON at /api/docs (OPENAPI_DOCS; default on except in production). */
  openapiDocs: boolean;
  /**
   * Where Prometheus reads /metrics. `port` set: a second listener (METRICS_PORT) serves it and
   * the public port answers 404. `port` null: the public port serves it, behind `token` if one
   * is set (METRICS_TOKEN, sent as `Authorization: Bearer …`). Production defaults to port 9464.
   */
  metrics: { port: number | null; token: string | null };
}

export interface OrderLimits {
  /** WeChat Pay's amount.total is int32 fen: the payable amount never exceeds this */
  maxPayableFen: number;
  maxLines: number;
  maxUnits: number;
  /** default per-SKU limit per order; a SKU's own purchase_limit overrides it */
  maxUnitsPerSku: number;
  maxUnpaidOrdersPerShopper: number;
  maxUnitsHeldPerShopper: number;
}

/** Set any of these and the sandbox is off unless asked for (and then refused). */
export const REAL_WECHAT_CREDENTIALS = [
  'WECHAT_APP_SECRET',
  'WECHAT_PAY_MCH_ID',
  'WECHAT_PAY_PRIVATE_KEY',
  'WECHAT_PAY_API_V3_KEY',
  'WECHAT_PAY_MERCHANT_SERIAL_NO',
  'KUAIDI100_KEY',
];

/** Largest int32: WeChat Pay's amount.total and our INT money columns. */
export const INT32_MAX = 2_147_483_647;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * `npm run admin:create`: ADMIN_USERNAME/ADMIN_PASSWORD exactly as set (the tool checks them
 * itself, with the same messages as its prompts), and the rest of the configuration without them.
 */
export function adminCreateEnv(env: Env = process.env): {
  username: string | undefined;
  password: string | undefined;
  loadConfig: () => AppConfig;
} {
  return {
    username: env.ADMIN_USERNAME,
    password: env.ADMIN_PASSWORD,
    loadConfig: () => loadConfig({ ...env, ADMIN_USERNAME: '', ADMIN_PASSWORD: '' }),
  };
}

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
  const ratio = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > 1) {
      problems.push(`${name} must be a number above 0 and at most 1 (got "${raw}")`);
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

  // The sandbox accepts any login code and pays orders without money. It is on by default only
  // for the zero-configuration start (no NODE_ENV=production and no real WeChat credential set);
  // asked for explicitly next to real credentials it is refused, since one of the two is a mistake.
  const realCredentials = REAL_WECHAT_CREDENTIALS.filter((name) => (env[name] ?? '').trim() !== '');
  const wechatSandbox = bool('WECHAT_SANDBOX', !production && realCredentials.length === 0);
  if (production && wechatSandbox) {
    problems.push('WECHAT_SANDBOX cannot be on when NODE_ENV=production (it fakes payments)');
  } else if (wechatSandbox && realCredentials.length > 0) {
    problems.push(
      `WECHAT_SANDBOX is on but real WeChat credentials are set (${realCredentials.join(', ')}): ` +
        'the sandbox would accept any login and fake payments; set WECHAT_SANDBOX=false or remove them',
    );
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
  if (adminPassword && Buffer.byteLength(adminPassword, 'utf8') > 72) {
    problems.push('ADMIN_PASSWORD can be at most 72 bytes (bcrypt ignores the rest; ~24 Chinese characters)');
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
    dbPoolAcquireTimeoutMs: int('DB_POOL_ACQUIRE_TIMEOUT_MS', 3000, 100, 60_000),
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
      limits: {
        maxPayableFen: int('ORDER_MAX_PAYABLE_FEN', 10_000_000, 1, INT32_MAX),
        maxLines: int('ORDER_MAX_LINES', 50, 1, 50),
        maxUnits: int('ORDER_MAX_UNITS', 200, 1, 100_000),
        maxUnitsPerSku: int('ORDER_MAX_UNITS_PER_SKU', 99, 1, 999),
        maxUnpaidOrdersPerShopper: int('ORDER_MAX_UNPAID_PER_SHOPPER', 10, 1, 1000),
        maxUnitsHeldPerShopper: int('ORDER_MAX_UNITS_HELD_PER_SHOPPER', 500, 1, 1_000_000),
      },
      exportMaxRows: int('ORDER_EXPORT_MAX_ROWS', 10_000, 1, 100_000),
    },
    throttle: {
      loginLimit: int('LOGIN_RATE_LIMIT', 20, 1, 100_000),
      adminLoginLimit: int('ADMIN_LOGIN_RATE_LIMIT', 10, 1, 100_000),
      loginTtlSeconds: int('LOGIN_RATE_WINDOW_SECONDS', 60, 1, 3600),
    },
    wechat,
    eventsTtlDays: int('EVENTS_TTL_DAYS', 180, 1, 3650),
    searchMaxResults: int('SEARCH_MAX_RESULTS', 1000, 5, 100_000),
    exposure: loadExposure(env, production, port, problems),
    events: {
      perShopperPerMinute: int('EVENTS_PER_SHOPPER_PER_MINUTE', 600, 1, 1_000_000),
      perIpPerMinute: int('EVENTS_PER_IP_PER_MINUTE', 6000, 1, 10_000_000),
    },
    wechatPlatform: loadWechatPlatformConfig(env, wechatSandbox, problems, int),
    media: loadMediaConfig(env, { str, int, bool }, publicBaseUrl, problems),
    promotion: loadPromotionConfig(env, int, bool, problems),
    runtime: {
      dataDir: str('DATA_DIR', './data'),
      dbPoolSize: int('DB_POOL_SIZE', 20, 1, 1000),
      dbQueryTimeoutMs: int('DB_QUERY_TIMEOUT_MS', 5000, 1, 600_000),
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 512 * 1024, 1024, 1024 * 1024 * 1024),
      shutdownDelayMs: int('SHUTDOWN_DELAY_MS', 0, 0, 600_000),
      healthHeapLimitMb: int('HEALTH_HEAP_LIMIT_MB', 1536, 16, 1_048_576),
      healthDiskThreshold: ratio('HEALTH_DISK_THRESHOLD', 0.98),
      wechatSandboxPort: int('WECHAT_SANDBOX_PORT', 0, 0, 65_535),
      notifyUrlSet: str('WECHAT_PAY_NOTIFY_URL', '') !== '',
      refundNotifyUrlSet: str('WECHAT_PAY_REFUND_NOTIFY_URL', '') !== '',
    },
    adminConsoleDir: resolve(str('ADMIN_CONSOLE_DIR', './dist/admin')),
    engagement: {
      historyLimit: int('HISTORY_LIMIT', 100, 1, 1000),
      historyFlushMs: int('HISTORY_FLUSH_MS', 2000, 50, 600_000),
      favouritesMax: int('FAVOURITES_MAX', 200, 1, 10_000),
      reviewWindowDays: int('REVIEW_WINDOW_DAYS', 30, 1, 3650),
      reviewFollowUpDays: int('REVIEW_FOLLOW_UP_DAYS', 180, 1, 3650),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Docs and metrics exposure. In production both leave the public port unless asked for: docs are
 * off, and /metrics moves to METRICS_PORT (9464) unless METRICS_TOKEN guards it on the public port
 * or METRICS_PORT=off puts it back there (for a proxy that already hides it, like our nginx).
 */
function loadExposure(env: Env, production: boolean, publicPort: number, problems: string[]): ExposureConfig {
  const docsRaw = env.OPENAPI_DOCS?.trim().toLowerCase();
  let openapiDocs = !production;
  if (docsRaw === 'true' || docsRaw === '1') openapiDocs = true;
  else if (docsRaw === 'false' || docsRaw === '0') openapiDocs = false;
  else if (docsRaw) problems.push(`OPENAPI_DOCS must be true or false (got "${env.OPENAPI_DOCS}")`);

  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  const portRaw = env.METRICS_PORT?.trim().toLowerCase();
  let port: number | null = production && token === null ? 9464 : null;
  if (portRaw === 'off' || portRaw === 'false') port = null;
  else if (portRaw) {
    const n = Number(portRaw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      problems.push(`METRICS_PORT must be a port number (0-65535) or "off" (got "${env.METRICS_PORT}")`);
    } else if (n !== 0 && n === publicPort) {
      problems.push('METRICS_PORT must differ from PORT (metrics would be public again)');
    } else port = n;
  }
  return { openapiDocs, metrics: { port, token } };
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
