import { randomUUID } from 'node:crypto';
import { AdminAccountService } from '../../src/modules/auth/admin-account.service';
import type { TestApp } from './test-app';

export interface Shopper {
  token: string;
  userId: number;
  auth: { Authorization: string };
}

/** A new shopper, logged in through the real WeChat login flow against the sandbox. */
export async function createShopper(t: TestApp, code = `shopper-${randomUUID()}`): Promise<Shopper> {
  const res = await t.http.post('/api/v1/auth/wechat-login').send({ code }).expect(200);
  const token = res.body.accessToken as string;
  return { token, userId: res.body.user.id as number, auth: { Authorization: `Bearer ${token}` } };
}

export interface Admin {
  token: string;
  auth: { Authorization: string };
}

/** A new operator account created through the real service, logged in over HTTP. */
export async function createAdmin(t: TestApp): Promise<Admin> {
  const username = `ops-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  await t.app.get(AdminAccountService).create(username, password);
  const res = await t.http.post('/api/v1/auth/admin-login').send({ username, password }).expect(200);
  const token = res.body.accessToken as string;
  return { token, auth: { Authorization: `Bearer ${token}` } };
}

// ---- catalog ---------------------------------------------------------------------------------

/** A new category created through the admin API (top-level unless parentId is given). */
export async function createCategory(
  t: TestApp,
  admin: Admin,
  opts: { name?: string; parentId?: number | null; sortOrder?: number } = {},
): Promise<number> {
  const res = await t.http
    .post('/api/v1/admin/categories')
    .set(admin.auth)
    .send({
      name: opts.name ?? `分类-${randomUUID().slice(0, 8)}`,
      parentId: opts.parentId ?? null,
      sortOrder: opts.sortOrder,
    })
    .expect(201);
  return res.body.id as number;
}

export interface CreatedProduct {
  productId: number;
  skuIds: number[];
  categoryId: number;
}

/**
 * A product created through the admin API: one SKU per entry of `specs` (default: a single
 * SKU with no spec axes), each with `stock` and `price` (fen). A fresh category unless
 * `categoryId` is given.
 */
export async function createProduct(
  t: TestApp,
  admin: Admin,
  opts: {
    stock?: number;
    price?: number;
    originalPrice?: number | null;
    onShelf?: boolean;
    specs?: Array<Record<string, string>>;
    categoryId?: number;
    title?: string;
    subtitle?: string | null;
  } = {},
): Promise<CreatedProduct> {
  const categoryId = opts.categoryId ?? (await createCategory(t, admin));
  const specs = opts.specs ?? [{}];
  const axes = new Map<string, string[]>();
  for (const s of specs) {
    for (const [name, value] of Object.entries(s)) {
      const values = axes.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      axes.set(name, values);
    }
  }
  const res = await t.http
    .post('/api/v1/admin/products')
    .set(admin.auth)
    .send({
      title: opts.title ?? `测试商品-${randomUUID().slice(0, 8)}`,
      subtitle: opts.subtitle ?? null,
      categoryId,
      images: ['/api/v1/assets/demo/p01.svg'],
      onShelf: opts.onShelf ?? true,
      specAxes: [...axes].map(([name, values]) => ({ name, values })),
      skus: specs.map((s) => ({
        specs: s,
        price: opts.price ?? 1990,
        originalPrice: opts.originalPrice ?? null,
        stock: opts.stock ?? 10,
      })),
    })
    .expect(201);
  return { productId: res.body.id, skuIds: (res.body.skus as Array<{ id: number }>).map((s) => s.id), categoryId };
}
