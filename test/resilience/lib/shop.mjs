// Shop flows over HTTP, the way the mini-program and the admin console drive the API.
import { randomUUID } from 'node:crypto';
import { requireFromRoot } from './common.mjs';
import { pool } from './http.mjs';

export const ADMIN_USERNAME = 'resilience-ops';
/** A per-run operator password: the secrets check greps every captured log for it. */
export const ADMIN_PASSWORD = `Res-${randomUUID()}`;

/** The API tests' sample address (apps/api/test/support/factories.ts exports the same file). */
export const sampleAddress = requireFromRoot('./apps/api/test/support/sample-address.json');

export async function loginShopper(api, code = `res-${randomUUID()}`) {
  const res = await api.expect(200, 'POST', '/api/v1/auth/wechat-login', { body: { code } });
  return { token: res.json.accessToken, userId: res.json.user.id, code };
}

export async function adminLogin(api, username = ADMIN_USERNAME, password = ADMIN_PASSWORD) {
  const res = await api.expect(200, 'POST', '/api/v1/auth/admin-login', { body: { username, password } });
  return res.json.accessToken;
}

export async function createAddress(api, token) {
  const res = await api.expect(201, 'POST', '/api/v1/addresses', { token, body: sampleAddress });
  return res.json.id;
}

/** Shoppers with one address each, `concurrency` logins at a time. */
export async function createBuyers(api, count, concurrency = 20) {
  return pool(Array.from({ length: count }), concurrency, async () => {
    const s = await loginShopper(api);
    return { ...s, addressId: await createAddress(api, s.token) };
  });
}

export async function createProduct(api, adminToken, { stock = 10, price = 1990, title } = {}) {
  const cat = await api.expect(201, 'POST', '/api/v1/admin/categories', {
    token: adminToken,
    body: { name: `韧性-${randomUUID().slice(0, 8)}`, parentId: null },
  });
  const res = await api.expect(201, 'POST', '/api/v1/admin/products', {
    token: adminToken,
    body: {
      title: title ?? `压测商品-${randomUUID().slice(0, 8)}`,
      subtitle: null,
      categoryId: cat.json.id,
      images: ['/api/v1/assets/demo/p01.svg'],
      onShelf: true,
      specAxes: [],
      skus: [{ specs: {}, price, originalPrice: null, stock }],
    },
  });
  return { productId: res.json.id, skuId: res.json.skus[0].id, categoryId: cat.json.id };
}

/** Prometheus text → value of one series (0 when absent). */
export function metricValue(text, name, labels = {}) {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    const m = /^(\w+)(?:\{([^}]*)\})? ([\d.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) total += Number(m[3]);
  }
  return total;
}
