import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';

/**
 * The `wx` object the mini-program runs against in tests. Storage, toasts and dialogs are kept
 * in memory; wx.request is bridged to a real HTTP server (the API started by the test), with
 * wx.request's own rules: only its methods (no PATCH), GET data becomes the query string, JSON
 * bodies are parsed, and "no answer" is a `fail` callback. wx.uploadFile really posts the file
 * (multipart, one `name` field) to the same server and answers its body as text, as WeChat does;
 * its `filePath` is a temporary file the test registered with addTempFile (or a real path). Navigation goes to a Router (the
 * harness), wx.requestPayment and wx.chooseAddress to handlers the test sets.
 */

type Callbacks<S> = {
  success?: (res: S) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: unknown) => void;
};
type AnyOptions = Record<string, unknown> & Callbacks<Record<string, unknown>>;

export interface Router {
  navigateTo(url: string): void;
  redirectTo(url: string): void;
  switchTab(url: string): void;
  reLaunch(url: string): void;
  navigateBack(delta: number): void;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  response: unknown;
}

export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** What wx.requestPayment does in this test: resolve 'ok', or an errMsg for `fail`. */
/** A scripted server for unit tests: an answer, or null for "no answer" (network failure). */
export type ScriptedServer = (req: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}) => { statusCode: number; data?: unknown } | null;

export type PaymentHandler = (params: PaymentParams) => Promise<'ok' | { errMsg: string }>;

/**
 * What wx.login() returns in WeChat DevTools opened with `touristappid` (the project's default):
 * this literal text, spaces included, for every login.
 */
export const DEVTOOLS_TOURIST_LOGIN_CODE = 'the code is a mock one';

const WX_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

function settle<S>(options: Callbacks<S>, ok: boolean, res: S | { errMsg: string }): void {
  // WeChat calls back asynchronously, never inside the API call.
  setTimeout(() => {
    if (ok) options.success?.(res as S);
    else options.fail?.(res as { errMsg: string });
    options.complete?.(res);
  }, 0);
}

function queryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/**
 * What wx.chooseAddress answers for an entry of the shopper's WeChat address book: this person
 * at a Hangzhou address (any field can be given instead).
 */
export const wechatAddress = (
  entry: { userName: string; telNumber: string } & Record<string, string>,
): Record<string, string> => ({
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  detailInfo: '文三路 90 号',
  detailInfoNew: '',
  postalCode: '310000',
  nationalCode: '330106',
  ...entry,
});

export class FakeWx {
  readonly storage = new Map<string, string>();
  readonly toasts: string[] = [];
  readonly modals: Array<{ title: string; content: string }> = [];
  readonly requests: LoggedRequest[] = [];
  readonly calls: string[] = [];
  loading: string | null = null;
  logins = 0;
  inflight = 0;
  /** answer of the next wx.showModal dialogs */
  confirmModals = true;
  envVersion: 'develop' | 'trial' | 'release' = 'develop';
  router: Router | null = null;
  requestPayment: PaymentHandler = async () => ({ errMsg: 'requestPayment:fail no payment handler in this test' });
  chooseAddress: () => Promise<Record<string, string>> = async () => {
    throw new Error('no address handler');
  };
  /** the temporary files wx.chooseMedia hands the page next (none: the shopper cancels) */
  chosenMedia: string[] = [];
  /** when set, wx.request asks this instead of making HTTP calls */
  server: ScriptedServer | null = null;
  private networkDown = 0;
  private answersLost = 0;

  /** WeChat's temporary files (http://tmp/… in DevTools, wxfile://… on a phone) and their bytes */
  readonly tempFiles = new Map<string, { bytes: Buffer; contentType: string }>();

  /** when set, wx.login calls `fail` with this errMsg (no network, WeChat not signed in) */
  loginFailure: string | null = null;

  /**
   * @param loginCode the code wx.login hands out: one code, one shopper. Pass
   * DEVTOOLS_TOURIST_LOGIN_CODE to run as WeChat DevTools in tourist mode does.
   */
  constructor(public loginCode: string) {}

  /** A temporary file as chooseAvatar/chooseMedia would hand it to the page. */
  addTempFile(path: string, bytes: Buffer, contentType = 'image/jpeg'): string {
    this.tempFiles.set(path, { bytes, contentType });
    return path;
  }

  /** The next `n` requests fail as if the phone had no network (they never reach the API). */
  failNextRequests(n: number): void {
    this.networkDown = n;
  }

  /** The next `n` requests reach the API, but their answers are lost on the way back. */
  loseNextAnswers(n: number): void {
    this.answersLost = n;
  }

  /** The object installed as the global `wx`. */
  api(base: Record<string, unknown>): Record<string, unknown> {
    return {
      ...base,
      getAccountInfoSync: () => ({
        miniProgram: { appId: 'wx5a4db0c5a4db0c01', envVersion: this.envVersion, version: '' },
      }),
      getStorageSync: (key: string) => (this.storage.has(key) ? JSON.parse(this.storage.get(key)!) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, JSON.stringify(value)),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      login: (options: Callbacks<{ code: string; errMsg: string }>) => {
        this.logins += 1;
        if (this.loginFailure !== null) settle(options, false, { errMsg: this.loginFailure });
        else settle(options, true, { code: this.loginCode, errMsg: 'login:ok' });
      },
      request: (options: AnyOptions) => this.request(options),
      uploadFile: (options: AnyOptions) => this.uploadFile(options),
      showToast: (options: { title: string }) => {
        this.toasts.push(options.title);
        this.loading = null;
      },
      showLoading: (options: { title: string }) => {
        this.loading = options.title;
      },
      hideLoading: () => {
        this.loading = null;
      },
      showModal: (options: { title?: string; content?: string } & Callbacks<{ confirm: boolean; cancel: boolean }>) => {
        this.modals.push({ title: options.title ?? '', content: options.content ?? '' });
        settle(options, true, { confirm: this.confirmModals, cancel: !this.confirmModals });
      },
      stopPullDownRefresh: () => void this.calls.push('stopPullDownRefresh'),
      setNavigationBarTitle: () => undefined,
      pageScrollTo: () => undefined,
      vibrateShort: () => undefined,
      navigateTo: (o: { url: string }) => this.navigate('navigateTo', o.url),
      redirectTo: (o: { url: string }) => this.navigate('redirectTo', o.url),
      switchTab: (o: { url: string }) => this.navigate('switchTab', o.url),
      reLaunch: (o: { url: string }) => this.navigate('reLaunch', o.url),
      navigateBack: (o: { delta?: number } = {}) => {
        this.calls.push(`navigateBack ${o.delta ?? 1}`);
        setTimeout(() => this.router?.navigateBack(o.delta ?? 1), 0);
      },
      requestPayment: (options: PaymentParams & Callbacks<{ errMsg: string }>) => {
        this.calls.push('requestPayment');
        const { timeStamp, nonceStr, signType, paySign } = options;
        this.requestPayment({ timeStamp, nonceStr, package: options.package, signType, paySign }).then(
          (r) => settle(options, r === 'ok', r === 'ok' ? { errMsg: 'requestPayment:ok' } : r),
          (err: Error) => settle(options, false, { errMsg: `requestPayment:fail ${err.message}` }),
        );
      },
      chooseMedia: (options: { count?: number } & Callbacks<Record<string, unknown>>) => {
        const picked = this.chosenMedia.splice(0).slice(0, options.count ?? 9);
        if (picked.length === 0) settle(options, false, { errMsg: 'chooseMedia:fail cancel' });
        else
          settle(options, true, {
            tempFiles: picked.map((p) => ({
              tempFilePath: p,
              size: this.tempFiles.get(p)?.bytes.length ?? 0,
              fileType: 'image',
            })),
            type: 'image',
            errMsg: 'chooseMedia:ok',
          });
      },
      previewImage: () => undefined,
      chooseAddress: (options: Callbacks<Record<string, string>>) => {
        this.chooseAddress().then(
          (res) => settle(options, true, { ...res, errMsg: 'chooseAddress:ok' }),
          () => settle(options, false, { errMsg: 'chooseAddress:fail cancel' }),
        );
      },
    };
  }

  /** Toasts shown since the last call. */
  takeToasts(): string[] {
    return this.toasts.splice(0);
  }

  private navigate(kind: keyof Omit<Router, 'navigateBack'>, url: string): void {
    this.calls.push(`${kind} ${url}`);
    // Navigation completes after the calling handler has returned, as in WeChat.
    setTimeout(() => this.router?.[kind](url), 0);
  }

  /** wx.uploadFile: multipart POST of one file (plus formData) to the real server; `data` is the body as text. */
  private uploadFile(options: AnyOptions): { abort(): void } {
    const url = String(options.url);
    const filePath = String(options.filePath ?? '');
    const field = String(options.name ?? '');
    const header = (options.header ?? {}) as Record<string, string>;
    const file = this.tempFiles.get(filePath) ?? readRealFile(filePath);
    if (!file || !field) {
      settle(options, false, {
        errMsg: `uploadFile:fail ${!field ? 'parameter error: name' : `file not found ${filePath}`}`,
      });
      return { abort: () => undefined };
    }
    if (this.networkDown > 0) {
      this.networkDown -= 1;
      settle(options, false, { errMsg: 'uploadFile:fail timeout' });
      return { abort: () => undefined };
    }
    const form = new FormData();
    for (const [k, v] of Object.entries((options.formData ?? {}) as Record<string, unknown>)) form.append(k, String(v));
    const name = filePath.split('/').pop() || 'file';
    form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), name);
    const controller = new AbortController();
    const target = new URL(url);
    this.inflight += 1;
    fetch(target, { method: 'POST', headers: header, body: form, signal: controller.signal }).then(
      async (res) => {
        const text = await res.text();
        this.inflight -= 1;
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* logged as text */
        }
        this.requests.push({
          method: 'POST',
          path: `${target.pathname}${target.search}`,
          status: res.status,
          headers: header,
          body: { [field]: name },
          response: parsed,
        });
        settle(options, true, { statusCode: res.status, data: text, errMsg: 'uploadFile:ok' });
      },
      (err: Error) => {
        this.inflight -= 1;
        settle(options, false, { errMsg: `uploadFile:fail ${err.message}` });
      },
    );
    return { abort: () => controller.abort() };
  }

  private request(options: AnyOptions): { abort(): void } {
    const method = String(options.method ?? 'GET').toUpperCase();
    // wx.request sends JSON unless told otherwise
    const given = (options.header ?? {}) as Record<string, string>;
    const header = Object.keys(given).some((k) => k.toLowerCase() === 'content-type')
      ? given
      : { 'content-type': 'application/json', ...given };
    let url = String(options.url);
    if (!WX_METHODS.includes(method)) {
      settle(options, false, {
        errMsg: `request:fail parameter error: method should be one of ${WX_METHODS.join(', ')}`,
      });
      return { abort: () => undefined };
    }
    if (this.networkDown > 0) {
      this.networkDown -= 1;
      settle(options, false, { errMsg: 'request:fail timeout' });
      return { abort: () => undefined };
    }
    const data = options.data as Record<string, unknown> | string | undefined;
    let body: string | undefined;
    if (method === 'GET' && data && typeof data === 'object') {
      const qs = queryString(data);
      if (qs) url += (url.includes('?') ? '&' : '?') + qs;
    } else if (data !== undefined) {
      body = typeof data === 'string' ? data : JSON.stringify(data);
    }
    if (this.server) {
      const answer = this.server({
        method,
        url,
        headers: header,
        body: body === undefined ? undefined : JSON.parse(body),
      });
      if (answer) settle(options, true, { ...answer, header: {}, errMsg: 'request:ok' });
      else settle(options, false, { errMsg: 'request:fail timeout' });
      return { abort: () => undefined };
    }
    const target = new URL(url);
    this.inflight += 1;
    const req = httpRequest(
      target,
      { method, headers: { ...header, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          this.inflight -= 1;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if (options.dataType !== 'text' && text !== '') {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          this.requests.push({
            method,
            path: `${target.pathname}${target.search}`,
            status: res.statusCode ?? 0,
            headers: header,
            body: body === undefined ? undefined : (JSON.parse(body) as unknown),
            response: parsed,
          });
          if (this.answersLost > 0) {
            this.answersLost -= 1;
            settle(options, false, { errMsg: 'request:fail timeout' });
            return;
          }
          settle(options, true, {
            statusCode: res.statusCode,
            data: parsed,
            header: res.headers,
            errMsg: 'request:ok',
          });
        });
      },
    );
    req.on('error', (err) => {
      this.inflight -= 1;
      settle(options, false, { errMsg: `request:fail ${err.message}` });
    });
    if (body !== undefined) req.write(body);
    req.end();
    return { abort: () => req.destroy() };
  }
}

function readRealFile(path: string): { bytes: Buffer; contentType: string } | null {
  if (!path.startsWith('/')) return null;
  try {
    return { bytes: readFileSync(path), contentType: 'application/octet-stream' };
  } catch {
    return null;
  }
}
