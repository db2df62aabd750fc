import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CategoryEntity } from '../../src/modules/catalog/entities/category.entity';
import { ProductEntity } from '../../src/modules/catalog/entities/product.entity';
import { SkuEntity } from '../../src/modules/catalog/entities/sku.entity';
import type { Shopper } from './factories';
import type { TestApp } from './test-app';

export interface SeededProduct {
  productId: number;
  categoryId: number;
  skuIds: number[];
  title: string;
}

/**
 * A product with SKUs written straight through the real database (no mocks), for order and
 * payment tests that need stock without going through the admin catalog API.
 */
export async function seedProduct(
  t: TestApp,
  opts: { stock?: number; price?: number; skus?: number; onShelf?: boolean; title?: string } = {},
): Promise<SeededProduct> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  const title = opts.title ?? `测试商品-${randomUUID().slice(0, 8)}`;
  const cat = await ds.getRepository(CategoryEntity).insert({ name: `分类-${randomUUID().slice(0, 6)}`, sortOrder: 0 });
  const categoryId = cat.identifiers[0].id as number;
  const count = opts.skus ?? 1;
  const price = opts.price ?? 1990;
  const sizes = ['S', 'M', 'L', 'XL', 'XXL'].slice(0, count);
  const product = await ds.getRepository(ProductEntity).insert({
    categoryId,
    title,
    subtitle: '副标题',
    images: ['/api/v1/assets/demo/test.svg'],
    specAxes: [{ name: '尺码', values: sizes }],
    onShelf: opts.onShelf ?? true,
    minPrice: price,
  });
  const productId = product.identifiers[0].id as number;
  const skuIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const sku = await ds
      .getRepository(SkuEntity)
      .insert({ productId, specs: { 尺码: sizes[i] }, price: price + i * 100, stock: opts.stock ?? 10 });
    skuIds.push(sku.identifiers[0].id as number);
  }
  return { productId, categoryId, skuIds, title };
}

export async function skuStock(t: TestApp, skuId: number): Promise<number> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  return (await ds.getRepository(SkuEntity).findOneByOrFail({ id: skuId })).stock;
}

export async function setShelf(t: TestApp, productId: number, onShelf: boolean): Promise<void> {
  const ds = t.app.get<DataSource>(getDataSourceToken());
  await ds.getRepository(ProductEntity).update({ id: productId }, { onShelf });
}

export const sampleAddress = {
  receiverName: '张三😀',
  phone: '13800138000',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  detail: '科技园南区 1 栋 101',
};

export async function createAddress(
  t: TestApp,
  shopper: Shopper,
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const res = await t.http
    .post('/api/v1/addresses')
    .set(shopper.auth)
    .send({ ...sampleAddress, ...overrides })
    .expect(201);
  return res.body.id as number;
}
