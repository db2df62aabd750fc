// Setting the shop up for the cases, through the real API (admin, shoppers, addresses, products),
// and the SQL the runner needs to create its own database and check the results afterwards.
/* global fetch */
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { mapLimit, sleep } from './util.mjs';

/** A tiny JSON client over fetch (setup only: never used for measuring). */
export function apiClient(baseUrl) {
  async function call(method, path, { body, token, headers = {} } = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return { status: res.status, text, bytes: Buffer.from(text, 'utf8'), json: () => JSON.parse(text) };
  }
  return {
    get: (path, opts) => call('GET', path, opts),
    post: (path, body, opts = {}) => call('POST', path, { ...opts, body }),
  };
}

export function adminDb(mysqlUrl, database) {
  const url = new URL(mysqlUrl);
  return mysql.createConnection({
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    multipleStatements: false,
  });
}

export async function recreateDatabase(mysqlUrl, name) {
  const conn = await adminDb(mysqlUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(mysqlUrl, name) {
  const conn = await adminDb(mysqlUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/**
 * The bench shop on top of the demo catalog: one category of `products` extra products (so list
 * pages past MAX_CACHED_PAGE are full and come from the database), of which the first
 * `checkoutSkus` are the checkout SKUs (the first `flashSkus` of them with a small stock), and
 * `shoppers` logged-in shoppers with one address each.
 */
export async function setUpShop(api, opts) {
  const admin = (
    await api.post('/api/v1/auth/admin-login', { username: opts.adminUser, password: opts.adminPassword })
  ).json();
  const adminToken = admin.accessToken;
  const category = (
    await api.post('/api/v1/admin/categories', { name: '压测专区', parentId: null }, { token: adminToken })
  ).json();
  const products = await mapLimit(
    Array.from({ length: opts.products }, (_, i) => i),
    8,
    async (i) => {
      const flash = i < opts.flashSkus;
      const stock = i < opts.checkoutSkus ? (flash ? opts.flashStock : opts.normalStock) : 100;
      const res = await api.post(
        '/api/v1/admin/products',
        {
          title: `压测商品 ${String(i + 1).padStart(3, '0')} ${flash ? '限时秒杀' : '日常款'}`,
          subtitle: '基准测试专用商品，价格与库存均为测试数据',
          categoryId: category.id,
          images: [`/api/v1/assets/demo/p${String((i % 60) + 1).padStart(2, '0')}.svg`],
          onShelf: true,
          specAxes: [],
          skus: [{ specs: {}, price: 1990 + i * 10, originalPrice: 2990 + i * 10, stock }],
        },
        { token: adminToken },
      );
      const body = res.json();
      return { productId: body.id, skuId: body.skus[0].id, stock, flash };
    },
  );
  const checkout = products.slice(0, opts.checkoutSkus);
  const shoppers = await mapLimit(
    Array.from({ length: opts.shoppers }, (_, i) => i),
    16,
    async (i) => {
      const login = (await api.post('/api/v1/auth/wechat-login', { code: `bench-${opts.runId}-${i}` })).json();
      const address = (
        await api.post(
          '/api/v1/addresses',
          {
            receiverName: `压测用户${i}`,
            phone: '13800138000',
            province: '广东省',
            city: '深圳市',
            district: '南山区',
            detail: `科技园 ${i} 号`,
          },
          { token: login.accessToken },
        )
      ).json();
      return { token: login.accessToken, userId: login.user.id, addressId: address.id };
    },
  );
  return { adminToken, categoryId: category.id, products, checkout, shoppers };
}

/**
 * After the checkout load: for every checkout SKU, stock now + units held by orders that are
 * not cancelled must equal the stock it started with, and stock must never be negative.
 */
export async function verifyNoOversell(conn, skus) {
  const ids = skus.map((s) => s.skuId);
  // Requests still in flight when the load generator stopped finish first; then stock and sold
  // units are read from one snapshot, so an order committing between the two reads can't skew them.
  await sleep(1500);
  await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
  let stockRows;
  let soldRows;
  try {
    [stockRows] = await conn.query('SELECT id, stock FROM skus WHERE id IN (?)', [ids]);
    [soldRows] = await conn.query(
      `SELECT oi.sku_id AS skuId, SUM(oi.quantity) AS sold, COUNT(DISTINCT o.id) AS orders
         FROM order_items oi JOIN orders o ON o.id = oi.order_id
        WHERE oi.sku_id IN (?) AND o.status <> 'CANCELLED'
        GROUP BY oi.sku_id`,
      [ids],
    );
  } finally {
    await conn.query('COMMIT');
  }
  const stock = new Map(stockRows.map((r) => [Number(r.id), Number(r.stock)]));
  const sold = new Map(soldRows.map((r) => [Number(r.skuId), Number(r.sold)]));
  let oversold = 0;
  let mismatched = 0;
  let unitsSold = 0;
  let soldOut = 0;
  for (const s of skus) {
    const now = stock.get(s.skuId);
    const units = sold.get(s.skuId) ?? 0;
    unitsSold += units;
    if (now < 0 || units > s.stock) oversold++;
    if (now + units !== s.stock) mismatched++;
    if (now === 0) soldOut++;
  }
  return { oversold, mismatched, unitsSold, soldOut, skus: skus.length };
}

export const randomSecret = (bytes = 24) => randomBytes(bytes).toString('base64url');
