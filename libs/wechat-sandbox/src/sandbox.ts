import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Code2SessionClientOptions, Kuaidi100ClientOptions, WechatPayClientOptions } from '@sutwxapp/wechat';
import { createClock, type MiniProgramCredentials, type SandboxContext } from './context';
import { json, readBody, writeResponse, type Route, type SandboxResponse } from './http-util';
import { kuaidi100Routes, type Kuaidi100Credentials } from './kuaidi100/kuaidi100.routes';
import { Lifecycle } from './lifecycle';
import { invalidUrl, loginRoutes, type TokenState } from './login/login.routes';
import { PlatformSandbox } from './platform/platform-sandbox';
import { generatePayCredentials, type SandboxPayCredentials } from './pay/credentials';
import { PayLedger } from './pay/ledger';
import { payRoutes } from './pay/pay.routes';
import {
  PaySandbox,
  type PaySandboxOptions,
  type PaymentSimulation,
  type RefundCompletion,
  type SimulatePaymentOptions,
  type NotifyOptions,
} from './pay/pay-sandbox';
import { PayWire } from './pay/wire';
import { SandboxStats } from './stats';

export interface WechatSandboxOptions extends PaySandboxOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** default 127.0.0.1; the sandbox is for loopback only */
  host?: string;
  /** mini-program appid; default 'wx' + 16 hex, fixed */
  appId?: string;
  /** default: random per start */
  appSecret?: string;
  /** salt of the deterministic openid/unionid/phone derivation; default fixed, so ids survive restarts */
  identitySalt?: string;
  /** source of real time for the business clock (tests may inject); default Date.now */
  now?: () => number;
  /** WeChat Pay merchant id; default '1900000109' */
  mchId?: string;
  /** default: random 32 characters per start */
  apiV3Key?: string;
  /** Kuaidi100 account; default random per start */
  kuaidi100?: Partial<Kuaidi100Credentials> & {
    /** time between two tracking events on the sandbox clock; default 10 minutes */
    stepMs?: number;
  };
}

export interface WechatSandboxCredentials {
  miniProgram: MiniProgramCredentials;
  pay: SandboxPayCredentials;
  kuaidi100: Kuaidi100Credentials;
}

/** Ready-made options for the @sutwxapp/wechat clients, pointed at this sandbox. */
export interface SandboxClientOptions {
  login: Code2SessionClientOptions;
  pay: WechatPayClientOptions;
  kuaidi100: Kuaidi100ClientOptions;
}

export interface WechatSandbox {
  /** e.g. 'http://127.0.0.1:40123': the baseUrl for every client */
  url: string;
  port: number;
  credentials: WechatSandboxCredentials;
  /** `new WechatPayClient(sandbox.clientOptions().pay)` etc. */
  clientOptions(): SandboxClientOptions;
  stats: SandboxStats;
  /** the sandbox's business clock (ms since epoch) */
  now(): number;
  /** moves the business clock forward: token expiry, order expiry, tracking progress, reported times */
  advanceClock(ms: number): void;
  /** the fake WeChat Pay's control side: notifications, forgeries, response faults, order list */
  pay: PaySandbox;
  /** the mini-program platform's control side: uploads, subscribe quotas, message push, faults */
  platform: PlatformSandbox;
  /** marks an order paid and delivers TRANSACTION.SUCCESS (signed, encrypted) to its notify_url */
  simulatePayment(outTradeNo: string, opts?: SimulatePaymentOptions): Promise<PaymentSimulation>;
  /** finishes a PROCESSING refund and delivers REFUND.* to its notify_url */
  completeRefund(
    outRefundNo: string,
    opts?: NotifyOptions & { status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' },
  ): Promise<RefundCompletion>;
  /** resolves once background work (deliveries, retries, automatic refunds) is finished */
  whenIdle(): Promise<void>;
  /** cancels pending retries and stops the server */
  close(): Promise<void>;
}

export const DEFAULT_SANDBOX_APP_ID = 'wx5a4db0c5a4db0c01';

/** Starts one loopback HTTP server that fakes WeChat login, WeChat Pay v3 and Kuaidi100 tracking. */
export async function startWechatSandbox(opts: WechatSandboxOptions = {}): Promise<WechatSandbox> {
  const stats = new SandboxStats();
  const clock = createClock(opts.now);
  const miniProgram: MiniProgramCredentials = {
    appId: opts.appId ?? DEFAULT_SANDBOX_APP_ID,
    appSecret: opts.appSecret ?? randomBytes(16).toString('hex'),
  };
  const ctx: SandboxContext = {
    stats,
    clock,
    miniProgram,
    identitySalt: opts.identitySalt ?? 'sutwxapp-sandbox',
  };
  const payCredentials = await generatePayCredentials({
    appId: miniProgram.appId,
    mchId: opts.mchId,
    apiV3Key: opts.apiV3Key,
  });
  const lifecycle = new Lifecycle();
  const ledger = new PayLedger(payCredentials, clock);
  const wire = new PayWire(payCredentials);
  const pay = new PaySandbox(payCredentials, ledger, wire, lifecycle, opts);
  const kuaidi100: Kuaidi100Credentials = {
    customer: opts.kuaidi100?.customer ?? randomBytes(16).toString('hex').toUpperCase(),
    key: opts.kuaidi100?.key ?? randomBytes(8).toString('hex'),
  };
  const tokens: TokenState = {};
  const platform = new PlatformSandbox(ctx, tokens, ledger, lifecycle);
  const routes: Route[] = [
    ...loginRoutes(ctx, tokens),
    ...platform.routes(),
    ...payRoutes(stats, ledger, wire, pay),
    ...kuaidi100Routes(ctx, kuaidi100, { stepMs: opts.kuaidi100?.stepMs ?? 10 * 60_000 }),
  ];

  const server = createServer((req, res) => {
    handle(routes, req, res).catch(() => {
      if (!res.headersSent) writeResponse(res, json(500, { code: 'SYSTEM_ERROR', message: '系统错误' }));
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    credentials: { miniProgram, pay: payCredentials, kuaidi100 },
    clientOptions: () => ({
      login: { baseUrl: url, ...miniProgram },
      pay: {
        baseUrl: url,
        mchId: payCredentials.mchId,
        appId: payCredentials.appId,
        merchantSerialNo: payCredentials.merchantSerialNo,
        merchantPrivateKey: payCredentials.merchantPrivateKeyPem,
        apiV3Key: payCredentials.apiV3Key,
        platformKeys: { [payCredentials.platformSerial]: payCredentials.platformPublicKeyPem },
      },
      kuaidi100: { baseUrl: url, ...kuaidi100 },
    }),
    stats,
    now: () => clock.now(),
    advanceClock: (ms) => clock.advance(ms),
    pay,
    platform,
    simulatePayment: (outTradeNo, o) => pay.simulatePayment(outTradeNo, o),
    completeRefund: (outRefundNo, o) => pay.completeRefund(outRefundNo, o),
    whenIdle: () => lifecycle.idle(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        lifecycle.close();
        server.close((e) => (e ? reject(e) : resolve()));
        // keep-alive sockets from fetch would otherwise hold close() open for seconds
        server.closeAllConnections();
      }),
  };
}

async function handle(routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const body = await readBody(req);
  const method = req.method ?? 'GET';
  for (const route of routes) {
    if (route.method !== method) continue;
    let params: string[] = [];
    if (typeof route.path === 'string') {
      // case-sensitive on purpose: WeChat answers /sns/jsCode2Session with 40066
      if (route.path !== url.pathname) continue;
    } else {
      const m = route.path.exec(url.pathname);
      if (!m) continue;
      params = m.slice(1).map((p) => decodeURIComponent(p));
    }
    writeResponse(
      res,
      await route.handler({ method, url, rawUrl: req.url ?? '/', headers: req.headers, body, params }),
    );
    return;
  }
  writeResponse(res, notFound(url.pathname));
}

function notFound(pathname: string): SandboxResponse {
  if (pathname.startsWith('/v3/')) return json(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  if (pathname.startsWith('/sandbox/')) return json(404, { code: 'NOT_FOUND', message: 'no such sandbox endpoint' });
  if (pathname.startsWith('/poll/')) return json(200, { result: false, returnCode: '400', message: '找不到接口' });
  return invalidUrl();
}
