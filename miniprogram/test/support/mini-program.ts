import './dom';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { BehaviourEventInput } from '../../src/contracts/events';
import { FakeWx, type Router } from './fake-wx';

export const SRC = join(__dirname, '../../src');

const TAB_PAGES = ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/me/index'];

/**
 * The slice of miniprogram-simulate (j-component) the harness uses. Typed here rather than
 * imported: j-component's own declarations pull in a second, older copy of
 * miniprogram-api-typings, whose globals clash with the ones the mini-program is written against.
 */
interface SimNode {
  readonly dom: HTMLElement | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly data: Record<string, any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly instance: Record<string, any>;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void;
}
interface SimRoot extends SimNode {
  attach(parent: Node): void;
  detach(): void;
}
interface Simulate {
  load(componentPath: string, options?: { rootPath?: string }): string;
  render(id: string): SimRoot;
}
const simulate = jest.requireActual<Simulate>('miniprogram-simulate');

/**
 * WeChat resolves a `usingComponents` path that is neither absolute nor relative
 * ("tdesign-miniprogram/button/button") in the nearest miniprogram_npm folder, from the using
 * component's folder up to the mini-program root; miniprogram-simulate only knows relative and
 * absolute paths. Its JSON reader is the one seam where every component's usingComponents pass,
 * so the harness rewrites npm paths there into root-absolute ones, found the way WeChat finds them.
 */
const simulateFiles = jest.requireActual<{ readJson(path: string): Record<string, unknown> | null }>(
  'miniprogram-simulate/src/utils',
);
const readJson = simulateFiles.readJson.bind(simulateFiles);
simulateFiles.readJson = (path: string) => {
  const json = readJson(path);
  const using = json?.usingComponents as Record<string, string> | undefined;
  if (using) for (const [tag, target] of Object.entries(using)) using[tag] = resolveComponent(dirname(path), target);
  return json;
};

export function resolveComponent(fromDir: string, target: string): string {
  if (target.startsWith('/') || target.startsWith('.') || target.startsWith('plugin://')) return target;
  for (let dir = fromDir; dir.startsWith(SRC); dir = dirname(dir)) {
    const candidate = join(dir, 'miniprogram_npm', target);
    if (existsSync(`${candidate}.json`)) return `/${relative(SRC, candidate).split(sep).join('/')}`;
    if (dir === SRC) break;
  }
  throw new Error(`${fromDir}: component ${target} is in no miniprogram_npm (run npm run miniprogram:npm)`);
}

type Lifecycle = 'onLoad' | 'onShow' | 'onReady' | 'onHide' | 'onUnload';

/**
 * TDesign components are virtual hosts (no element of their own): what a shopper sees and taps
 * is their root element, the one carrying the component's class prefix (`t-button`, `t-cell` …).
 */
function rendered(node: SimNode): SimNode {
  if (node.dom) return node;
  const prefix = node.instance?.data?.classPrefix as string | undefined;
  return (prefix && node.querySelector(`.${prefix}`)) || node;
}

/** "/pages/x/index?id=3&a=b" → route "pages/x/index" and its query, as onLoad receives it. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [path, qs = ''] = url.split('?');
  const query: Record<string, string> = {};
  for (const pair of qs.split('&').filter(Boolean)) {
    const [k, v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return { route: path.replace(/^\//, ''), query };
}

/** One open page: its rendered tree, its data, and ways to touch it like a shopper. */
export class PageHandle {
  constructor(
    readonly route: string,
    readonly query: Record<string, string>,
    readonly root: SimRoot,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get data(): Record<string, any> {
    return this.root.data;
  }

  /** The page instance (this in the page's methods). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get instance(): Record<string, any> {
    return this.root.instance;
  }

  /** Calls a lifecycle or handler the way WeChat would; resolves when an async handler is done. */
  async call(name: string, ...args: unknown[]): Promise<void> {
    const fn = this.instance[name] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn === 'function') await fn.apply(this.instance, args);
  }

  lifecycle(name: Lifecycle, ...args: unknown[]): unknown {
    const fn = this.instance[name] as ((...a: unknown[]) => unknown) | undefined;
    return typeof fn === 'function' ? fn.apply(this.instance, args) : undefined;
  }

  /**
   * Finds a node; " >>> " steps into a custom component's own tree
   * (e.g. "product-card >>> .card").
   */
  $(selector: string): SimNode | undefined {
    let scope: SimNode | undefined = this.root;
    for (const part of selector.split('>>>').map((s) => s.trim())) {
      scope = scope?.querySelector(part);
    }
    return scope;
  }

  $$(selector: string): SimNode[] {
    const parts = selector.split('>>>').map((s) => s.trim());
    let scopes: SimNode[] = [this.root];
    for (const part of parts) scopes = scopes.flatMap((s) => s.querySelectorAll(part));
    return scopes;
  }

  /** Visible text of the page (or of one node), whitespace collapsed. */
  text(selector?: string): string {
    const node = selector ? this.$(selector) : this.root;
    if (!node) throw new Error(`${this.route}: nothing matches ${selector}`);
    return (rendered(node).dom?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  texts(selector: string): string[] {
    return this.$$(selector).map((n) => (rendered(n).dom?.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /**
   * The TDesign toast on screen (utils/feedback draws it into the page's t-toast): its message,
   * or null while none shows.
   */
  toast(): string | null {
    if (!this.$('#t-toast')?.instance?.data?.visible || !this.$('#t-toast >>> .t-toast__text')) return null;
    return this.text('#t-toast >>> .t-toast__text');
  }

  /** Lets the toast on screen go, as its duration running out would. */
  dismissToast(): void {
    this.$('#t-toast')?.instance?.hide?.();
  }

  /** The TDesign confirm dialog on screen (the page's t-dialog): title, content, buttons; or null. */
  dialog(): { title: string; content: string; buttons: string[] } | null {
    const dialog = this.$('#t-dialog');
    if (!dialog?.instance?.data?.visible) return null;
    return {
      title: this.text('#t-dialog >>> .t-dialog__header'),
      content: this.text('#t-dialog >>> .t-dialog__body'),
      buttons: this.texts('#t-dialog >>> .t-dialog__button'),
    };
  }

  /** Taps the confirm dialog's confirm (true) or cancel (false) button, as the shopper would. */
  answerDialog(confirm: boolean): void {
    if (!this.dialog()) throw new Error(`${this.route}: no dialog to answer`);
    this.tap(`#t-dialog >>> .t-dialog__button--${confirm ? 'confirm' : 'cancel'}`);
  }

  has(selector: string): boolean {
    return this.$(selector) !== undefined;
  }

  tap(selector: string, index = 0): void {
    const node = index === 0 ? this.$(selector) : this.$$(selector)[index];
    if (!node) throw new Error(`${this.route}: cannot tap ${selector}: not rendered`);
    rendered(node).dispatchEvent('tap');
  }

  /** Types into an input (bindinput/bindblur/bindconfirm all receive detail.value). */
  input(selector: string, value: string, event: 'input' | 'blur' | 'confirm' | 'change' = 'input'): void {
    const node = this.$(selector);
    if (!node) throw new Error(`${this.route}: no input ${selector}`);
    node.dispatchEvent(event, { detail: { value } });
  }

  /** Fires a component event (e.g. a picker's change) with a detail. */
  fire(selector: string, event: string, detail: unknown): void {
    const node = this.$(selector);
    if (!node) throw new Error(`${this.route}: no ${selector}`);
    // a TDesign component (virtual host) emits its events itself, as it does when touched
    if (!node.dom && typeof node.instance?.triggerEvent === 'function') node.instance.triggerEvent(event, detail);
    else node.dispatchEvent(event, { detail });
  }
}

/**
 * A running mini-program: App() from src/app.ts, a page stack driven by wx navigation, and the
 * fake `wx` bridged to the API at `baseUrl`. Pages load fresh each time they open, like WeChat.
 */
export class MiniProgram implements Router {
  readonly wx: FakeWx;
  readonly stack: PageHandle[] = [];
  private readonly tabs = new Map<string, PageHandle>();
  private pendingNavigations = 0;
  private readonly host = document.createElement('mini-program');

  private constructor(apiBaseUrl: string, loginCode: string) {
    this.wx = new FakeWx(loginCode);
    this.wx.router = this;
    const base = { ...(globalThis as unknown as { wx: Record<string, unknown> }).wx, ...this.shellApi() };
    (globalThis as unknown as { wx: unknown }).wx = this.wx.api(base);
    // develop builds read their API origin from this storage key (see src/config.ts)
    this.wx.storage.set('sut.apiBaseUrl', JSON.stringify(apiBaseUrl));
    document.body.appendChild(this.host);
    // WeChat's page stack, which TDesign asks for (tabs, sticky, popups find their page with it)
    (globalThis as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () =>
      this.stack.map((p) => p.instance);
  }

  /** The tab bar's badges as WeChat would draw them (tab index → text). */
  readonly tabBadges = new Map<number, string>();

  /** WeChat's shell around the pages: tab badges and the share menu. */
  private shellApi(): Record<string, unknown> {
    type Done = { success?: (r: unknown) => void };
    const ok = (o?: Done) => setTimeout(() => o?.success?.({ errMsg: 'ok' }), 0);
    return {
      setTabBarBadge: (o: Done & { index: number; text: string }) => {
        this.tabBadges.set(o.index, o.text);
        ok(o);
      },
      removeTabBarBadge: (o: Done & { index: number }) => {
        this.tabBadges.delete(o.index);
        ok(o);
      },
      showShareMenu: ok,
    };
  }

  /** Boots the app against an API origin; each call is a new phone unless loginCode is shared. */
  static start(apiBaseUrl: string, loginCode = `mp-${randomUUID()}`): MiniProgram {
    const mp = new MiniProgram(apiBaseUrl, loginCode);
    jest.isolateModules(() => {
      jest.requireActual(join(SRC, 'app'));
    });
    return mp;
  }

  get current(): PageHandle {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  /** getApp() of the running app. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get app(): any {
    return (globalThis as unknown as { getApp: () => unknown }).getApp();
  }

  /** Opens a page as the first page of the stack (a fresh launch onto it). */
  launch(url: string): PageHandle {
    this.unloadAll();
    const page = this.load(url);
    this.stack.push(page);
    this.show(page, true);
    return page;
  }

  /** Launches onto a page and waits for its first load. */
  async open(url: string): Promise<PageHandle> {
    const page = this.launch(url);
    await this.idle();
    return page;
  }

  /** Flushes the app's event tracker; the behaviour events POST /events accepted (202) so far. */
  async acceptedEvents(): Promise<BehaviourEventInput[]> {
    await this.app.globalData.tracker.flush();
    return this.wx.requests
      .filter((r) => r.method === 'POST' && r.path === '/api/v1/events' && r.status === 202)
      .flatMap((r) => (r.body as { events: BehaviourEventInput[] }).events);
  }

  /** Waits until no request or navigation is in flight (a retry's pause counts as idle: use until()). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 3) {
      if (Date.now() > deadline) throw new Error(`mini-program not idle after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
      quiet = this.wx.inflight === 0 && this.pendingNavigations === 0 ? quiet + 1 : 0;
    }
  }

  /** Polls until `check` passes (a function returning truthy or not throwing). */
  async until(check: () => unknown, what = 'condition', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        if (check()) return;
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for the next page to be on top of the stack and idle. */
  async expectPage(route: string): Promise<PageHandle> {
    await this.until(() => this.stack.length > 0 && this.current.route === route, `page ${route}`);
    await this.idle();
    return this.current;
  }

  close(): void {
    this.unloadAll();
    this.app.globalData.tracker.stop();
    this.host.remove();
  }

  // ---- Router: what wx.navigateTo & co. do

  navigateTo(url: string): void {
    this.navigation(() => {
      if (this.stack.length > 0) this.current.lifecycle('onHide');
      const page = this.load(url);
      this.stack.push(page);
      this.show(page, true);
    });
  }

  redirectTo(url: string): void {
    this.navigation(() => {
      const top = this.stack.pop();
      if (top) this.unload(top);
      const page = this.load(url);
      this.stack.push(page);
      this.show(page, true);
    });
  }

  switchTab(url: string): void {
    this.navigation(() => {
      const { route } = parseUrl(url);
      if (!TAB_PAGES.includes(route)) throw new Error(`switchTab to a non-tab page ${route}`);
      while (this.stack.length > 0) {
        const page = this.stack.pop()!;
        if (this.tabs.has(page.route)) page.lifecycle('onHide');
        else this.unload(page);
      }
      const existing = this.tabs.get(route);
      if (existing) {
        this.stack.push(existing);
        existing.lifecycle('onShow');
      } else {
        const page = this.load(url);
        this.stack.push(page);
        this.show(page, true);
      }
    });
  }

  reLaunch(url: string): void {
    this.navigation(() => {
      this.unloadAll();
      const page = this.load(url);
      this.stack.push(page);
      this.show(page, true);
    });
  }

  navigateBack(delta: number): void {
    this.navigation(() => {
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop()!);
      this.current.lifecycle('onShow');
    });
  }

  // ---- internals

  private navigation(step: () => void): void {
    this.pendingNavigations += 1;
    try {
      step();
    } finally {
      this.pendingNavigations -= 1;
    }
  }

  private load(url: string): PageHandle {
    const { route, query } = parseUrl(url);
    let id = '';
    // A fresh module registry per page: WeChat runs a page's code for every page instance, and
    // simulate can only register a definition whose module actually executes.
    jest.isolateModules(() => {
      id = simulate.load(join(SRC, route), { rootPath: SRC });
    });
    const root = simulate.render(id);
    root.attach(this.host);
    const page = new PageHandle(route, query, root);
    page.instance.route = route;
    page.instance.options = query;
    if (TAB_PAGES.includes(route)) this.tabs.set(route, page);
    return page;
  }

  private show(page: PageHandle, first: boolean): void {
    if (first) page.lifecycle('onLoad', { ...page.query });
    page.lifecycle('onShow');
    if (first) page.lifecycle('onReady');
  }

  private unload(page: PageHandle): void {
    page.lifecycle('onUnload');
    page.root.detach();
    if (this.tabs.get(page.route) === page) this.tabs.delete(page.route);
  }

  private unloadAll(): void {
    while (this.stack.length > 0) this.unload(this.stack.pop()!);
    for (const page of this.tabs.values()) this.unload(page);
    this.tabs.clear();
  }
}
