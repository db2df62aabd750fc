/*
 * The API surface as the running app describes it (GET /api/docs-json), plus what the security
 * suites need around it: a keep-alive HTTP client that never throws, a small shop to point ids
 * at, a valid body for each route, and a fingerprint of the whole database. Used by
 * apps/api/test/{hostile-input,access-control,secrets}.e2e-spec.ts, so a new route is covered by
 * all three without editing them.
 */
import sharp from 'sharp';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  createAdmin,
  createProduct,
  createShopper,
  type Admin,
  type Shopper,
  createAddress,
  placeOrder,
  sampleAddress,
} from '../../../apps/api/test/support/factories';
import { AdminAccountService } from '../../../apps/api/src/modules/auth/admin-account.service';
import { WECHAT_SANDBOX } from '../../../apps/api/src/modules/wechat/wechat.module';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { TestApp } from '../../../apps/api/test/support/test-app';

export type Access = 'public' | 'shopper' | 'admin' | 'notify';

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/orders/{id} */
  path: string;
  access: Access;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  schema?: Schema;
}

export interface Schema {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
}

/** WeChat Pay callbacks are left out of the document on purpose (they are not for people). */
const UNDOCUMENTED: Operation[] = ['notify', 'refund-notify'].map((name) => ({
  method: 'POST',
  path: `/api/v1/payments/wechat/${name}`,
  access: 'notify',
  pathParams: [],
  queryParams: [],
  hasBody: true,
}));

export const label = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method} ${op.path}`;

export async function loadOperations(baseUrl: string): Promise<Operation[]> {
  const res = await send(baseUrl, { method: 'GET', path: '/api/docs-json' });
  if (res.status !== 200 || !res.json) throw new Error(`GET /api/docs-json answered ${res.status}`);
  const doc = res.json as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s: Schema | undefined, depth = 0): Schema | undefined => {
    if (!s || depth > 6) return s;
    const base = s.$ref ? schemas[s.$ref.replace('#/components/schemas/', '')] : s;
    if (!base) return undefined;
    return {
      ...base,
      properties: base.properties
        ? Object.fromEntries(Object.entries(base.properties).map(([k, v]) => [k, resolve(v, depth + 1)!]))
        : undefined,
      items: resolve(base.items, depth + 1),
    };
  };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const secured = Array.isArray(op.security) && op.security.length > 0;
      ops.push({
        method: method.toUpperCase(),
        path,
        access: !secured ? 'public' : path.startsWith('/api/v1/admin/') ? 'admin' : 'shopper',
        // from the template: ids read with @IdParam() are not declared as parameters in the document
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        hasBody: Boolean(op.requestBody),
        schema: resolve(op.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
  return [...ops, ...UNDOCUMENTED];
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

// ---- HTTP ----------------------------------------------------------------------------------------

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
  ms: number;
  error?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** One request; never throws (a network error or timeout comes back as status 0). */
export function send(
  baseUrl: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string | number> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
  return new Promise((resolve) => {
    let done = false;
    const finish = (a: Omit<Answer, 'ms'>): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...a, ms: performance.now() - started });
    };
    const req = http.request(baseUrl + opts.path, { method: opts.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', (err) => finish({ status: 0, headers: {}, text: '', json: undefined, error: err.message }));
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, headers: {}, text: '', json: undefined, error: 'timeout' });
    }, opts.timeoutMs ?? 15_000);
    req.on('error', (err) => finish({ status: 0, headers: {}, text: '', json: undefined, error: err.message }));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Runs `fn` over `items`, `concurrency` at a time. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

// ---- a small shop to aim at --------------------------------------------------------------------

export interface World {
  admin: Admin;
  /**
   * One more operator per route that ends the caller's own session (logout, own password): sent
   * with `admin`'s token, or with one shared token, it would revoke that token mid-suite.
   */
  spareAdmins: Record<string, Admin>;
  /** an operator the reset-password and disable routes aim at (never `admin` or `spareAdmin`) */
  operatorId: number;
  /** owns everything below */
  owner: Shopper;
  /** another shopper with a shop of their own */
  stranger: Shopper;
  categoryId: number;
  productId: number;
  skuId: number;
  addressId: number;
  cartItemId: number;
  orderId: number;
  strangerAddressId: number;
  /** an image the owner uploaded (PENDING: no content check runs here, so only the owner sees it) */
  mediaId: number;
}

/** Routes that end the calling operator's own session: send them with their `spareAdmins` entry. */
export const ENDS_OWN_SESSION = new Set(['POST /api/v1/admin/logout', 'POST /api/v1/admin/account/password']);

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await createAdmin(t);
  const spareAdmins: Record<string, Admin> = {};
  for (const route of ENDS_OWN_SESSION) spareAdmins[route] = await createAdmin(t);
  const operator = await t.app
    .get(AdminAccountService)
    .create(`target-${randomUUID().slice(0, 8)}`, `pw-${randomUUID()}`);
  const [owner, stranger] = [await createShopper(t), await createShopper(t)];
  const product = await createProduct(t, { admin, stock: 1000, price: 2500 });
  const addressId = await createAddress(t, owner);
  const strangerAddressId = await createAddress(t, stranger);
  const cart = await t.http
    .post('/api/v1/cart/items')
    .set(owner.auth)
    .send({ skuId: product.skuIds[0], quantity: 1 })
    .expect(201);
  const cartItemId = (cart.body.items as Array<{ id: number; skuId: number }>).find(
    (i) => i.skuId === product.skuIds[0],
  )!.id;
  const order = await placeOrder(t, {
    buyer: { shopper: owner, addressId },
    items: [{ skuId: product.skuIds[0], quantity: 1 }],
  });
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c33' } })
    .jpeg()
    .toBuffer();
  // held for a human look (REVIEW), so it stays its owner's alone: the others-get-404 check holds
  t.app.get<WechatSandbox>(WECHAT_SANDBOX).platform.verdictNextMediaChecks('review');
  const media = await t.http
    .post('/api/v1/media')
    .set(owner.auth)
    .attach('file', jpeg, { filename: 'review.jpg', contentType: 'image/jpeg' })
    .expect(201);
  return {
    admin,
    spareAdmins,
    operatorId: operator.id,
    owner,
    stranger,
    mediaId: media.body.items[0].id as number,
    categoryId: product.categoryId,
    productId: product.productId,
    skuId: product.skuIds[0],
    addressId,
    cartItemId,
    orderId: order.orderId,
    strangerAddressId,
  };
}

/**
 * The id of the test shop's resource a route's `{id}` names, by the path segment before it;
 * undefined for a kind of resource this file does not know yet (the access-control suite then
 * fails and names the route, since it cannot check ownership without one).
 */
export function ownedIdFor(op: Operation, w: World): number | undefined {
  if (op.pathParams.length === 0) return undefined;
  const m = /\/([\w-]+)\/\{[\w]+\}/.exec(op.path);
  const kind = m?.[1];
  switch (kind) {
    case 'categories':
      return w.categoryId;
    case 'products':
      return w.productId;
    case 'skus':
      return w.skuId;
    case 'items':
      return w.cartItemId;
    case 'addresses':
      return w.addressId;
    case 'orders':
      return w.orderId;
    case 'operators':
      return w.operatorId;
    case 'media':
      return w.mediaId;
    default:
      return undefined;
  }
}

/** The operator token to send a route with (see World.spareAdmin). */
export function adminTokenFor(op: Operation, w: World): string {
  return w.spareAdmins[label(op)]?.token ?? w.admin.token;
}

/** The id to put in a route's `{id}`: the test shop's resource, or 1 for a kind not known yet. */
export function idFor(op: Operation, w: World): number | undefined {
  if (op.pathParams.length === 0) return undefined;
  return ownedIdFor(op, w) ?? 1;
}

export function concretePath(op: Operation, id: number | string | undefined): string {
  return op.path.replace(/\{[\w]+\}/g, () => encodeURIComponent(String(id ?? 1)));
}

/**
 * A body each route accepts (for the owner's resources). Routes not listed get one built from
 * their schema (required properties only), which is enough to fuzz their fields.
 */
export function validBody(op: Operation, w: World): Record<string, unknown> | undefined {
  if (!op.hasBody) return undefined;
  const key = label(op);
  const examples: Record<string, Record<string, unknown>> = {
    'POST /api/v1/auth/wechat-login': { code: `fuzz-${randomUUID()}` },
    'POST /api/v1/auth/admin-login': { username: 'fuzz-nobody', password: 'fuzz-password' },
    'PATCH /api/v1/me': { nickname: '模糊测试' },
    'POST /api/v1/admin/categories': { name: '模糊分类', parentId: null, sortOrder: 1 },
    'PATCH /api/v1/admin/categories/{id}': { name: '模糊分类二' },
    'POST /api/v1/admin/products': {
      title: '模糊商品',
      subtitle: null,
      categoryId: w.categoryId,
      images: ['/api/v1/assets/demo/p01.svg'],
      onShelf: true,
      specAxes: [{ name: '颜色', values: ['黑'] }],
      skus: [{ specs: { 颜色: '黑' }, price: 1990, originalPrice: null, stock: 5 }],
    },
    'PATCH /api/v1/admin/products/{id}': { title: '模糊商品二', onShelf: true },
    'POST /api/v1/admin/products/{id}/skus': { specs: {}, price: 1990, stock: 5 },
    'PATCH /api/v1/admin/skus/{id}': { price: 2500 },
    'POST /api/v1/admin/skus/{id}/stock-adjustments': { delta: 1, reason: '盘点' },
    'POST /api/v1/admin/orders/{id}/refund': { reason: '协商退款' },
    'POST /api/v1/admin/orders/{id}/ship': { carrierCode: 'yuantong', trackingNo: 'YT1234567890' },
    'POST /api/v1/cart/items': { skuId: w.skuId, quantity: 1 },
    'POST /api/v1/cart/items/select-all': { selected: true },
    'PATCH /api/v1/cart/items/{id}': { quantity: 1 },
    'POST /api/v1/addresses': { ...sampleAddress },
    'PATCH /api/v1/addresses/{id}': { city: '广州市' },
    'POST /api/v1/orders': { items: [{ skuId: w.skuId, quantity: 1 }], addressId: w.addressId },
    'POST /api/v1/orders/preview': { items: [{ skuId: w.skuId, quantity: 1 }], addressId: w.addressId },
    'POST /api/v1/events': {
      events: [{ type: 'page_view', page: 'pages/home/index', clientTime: new Date().toISOString() }],
    },
    'POST /api/v1/payments/wechat/notify': notifyEnvelope(),
    'POST /api/v1/payments/wechat/refund-notify': notifyEnvelope(),
  };
  return structuredClone(examples[key] ?? fromSchema(op.schema, w));
}

function notifyEnvelope(): Record<string, unknown> {
  return {
    id: randomUUID(),
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: Buffer.from('not really encrypted').toString('base64'),
      associated_data: 'transaction',
      nonce: 'abcdefghijkl',
    },
  };
}

function fromSchema(schema: Schema | undefined, w: World): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) out[name] = sampleValue(name, schema?.properties?.[name], w);
  return out;
}

function sampleValue(name: string, s: Schema | undefined, w: World): unknown {
  if (/skuId$/i.test(name)) return w.skuId;
  if (/productId$/i.test(name)) return w.productId;
  if (/addressId$/i.test(name)) return w.addressId;
  if (/categoryId$/i.test(name)) return w.categoryId;
  switch (s?.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleValue(name, s.items, w)];
    case 'object':
      return s.properties ? fromSchema(s, w) : {};
    default:
      return 'fuzz';
  }
}

// ---- the database, whole ---------------------------------------------------------------------------

/**
 * The audit trail records refused operator requests and every WeChat Pay delivery by design
 * (append-only, outside the shop's data), so it is counted but not part of the fingerprint.
 */
export const APPEND_ONLY_TABLES = new Set(['audit_log']);

/** A hash of every row of every table, to prove a batch of refused requests changed nothing. */
export async function fingerprint(t: TestApp): Promise<{ hash: string; rows: Record<string, number> }> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const tables = [...new Set([...ds.entityMetadatas.map((m) => m.tableName), 'migrations'])]
    .filter((table) => !APPEND_ONLY_TABLES.has(table))
    .sort();
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const q = ds.driver.escape(table);
    const result = (await ds.query(`SELECT * FROM ${q}`)) as Array<Record<string, unknown>>;
    rows[table] = result.length;
    const lines = result.map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v)));
    hash.update(`${table}\n${lines.sort().join('\n')}\n`);
  }
  return { hash: hash.digest('hex'), rows };
}

/**
 * The fingerprint once it holds still: some writes land asynchronously (behaviour and server
 * events are flushed every 500 ms), so a snapshot counts only when a later one agrees with it.
 */
export async function settledFingerprint(
  t: TestApp,
  quietMs = 800,
): Promise<{ hash: string; rows: Record<string, number> }> {
  let last = await fingerprint(t);
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, quietMs));
    const next = await fingerprint(t);
    if (next.hash === last.hash) return next;
    last = next;
  }
  throw new Error('the database never stopped changing');
}

/** Figures for docs/resilience.md when RESILIENCE_REPORT_DIR is set (test/resilience/run.mjs sets it). */
export function report(name: string, figures: Record<string, unknown>): void {
  const dir = process.env.RESILIENCE_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(figures, null, 2));
}
