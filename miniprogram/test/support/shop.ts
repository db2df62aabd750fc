import { randomUUID } from 'node:crypto';
import type { AdminProduct, Category, CreateProductRequest } from '../../../libs/contracts/src';
import { createAdmin, type Admin } from '../../../apps/api/test/support/factories';
import type { TestApp } from '../../../apps/api/test/support/test-app';

/**
 * Catalog data made the way an operator makes it: through the admin API, so the catalog's own
 * rules and cache invalidation apply. Names carry a per-shop tag, so searches and category
 * listings see only this test's products even when test files share a MariaDB database.
 */
export class Shop {
  readonly tag = randomUUID().slice(0, 6);

  private constructor(
    readonly t: TestApp,
    readonly admin: Admin,
  ) {}

  static async open(t: TestApp): Promise<Shop> {
    return new Shop(t, await createAdmin(t));
  }

  async category(name: string, parentId: number | null = null): Promise<Category> {
    const res = await this.t.http
      .post('/api/v1/admin/categories')
      .set(this.admin.auth)
      .send({ name: `${name}${this.tag}`, parentId, sortOrder: 0 })
      .expect(201);
    return res.body as Category;
  }

  /** A product with one SKU per combination of its axes; `price(specs)` and `stock(specs)` per SKU. */
  async product(opts: {
    categoryId: number;
    title: string;
    subtitle?: string;
    axes?: Array<[string, string[]]>;
    price?: number | ((specs: Record<string, string>) => number);
    stock?: number | ((specs: Record<string, string>) => number);
    originalPrice?: number;
  }): Promise<AdminProduct> {
    const axes = opts.axes ?? [['规格', ['标准']]];
    let combos: Array<Record<string, string>> = [{}];
    for (const [name, values] of axes) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
    const value = (
      v: number | ((s: Record<string, string>) => number) | undefined,
      specs: Record<string, string>,
      d: number,
    ) => (typeof v === 'function' ? v(specs) : (v ?? d));
    const body: CreateProductRequest = {
      title: `${opts.title} ${this.tag}`,
      subtitle: opts.subtitle ?? '测试副标题',
      description: null,
      categoryId: opts.categoryId,
      images: ['/api/v1/assets/demo/banner-1.svg', '/api/v1/assets/demo/banner-2.svg'],
      onShelf: true,
      specAxes: axes.map(([name, values]) => ({ name, values })),
      skus: combos.map((specs) => ({
        specs,
        price: value(opts.price, specs, 1990),
        originalPrice: opts.originalPrice ?? null,
        stock: value(opts.stock, specs, 50),
      })),
    };
    const res = await this.t.http.post('/api/v1/admin/products').set(this.admin.auth).send(body).expect(201);
    return res.body as AdminProduct;
  }
}
