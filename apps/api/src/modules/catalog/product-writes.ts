import { type CreateProductRequest } from '@sutwxapp/contracts';
import { type EntityManager, IsNull } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import { reindexProducts } from './search/search-index';
import { assertSkusFitAxes, checkAxes, summarisePrices } from './sku-rules';

/*
 * Writes shared by the admin API and the demo seeder, always on the caller's transaction so a
 * product and its SKUs (and the prices derived from them) commit together.
 */

export interface NewProduct extends CreateProductRequest {
  /** the seeder spreads creation times so "newest" means something in the demo */
  createdAt?: Date;
  sales?: number;
}

export async function insertProduct(
  em: EntityManager,
  input: NewProduct,
): Promise<{ product: ProductEntity; skus: SkuEntity[] }> {
  assertAxes(input.specAxes);
  assertSkusFitAxes(input.specAxes, input.skus);
  const prices = summarisePrices(
    input.skus.map((s, i) => ({ id: i, price: s.price, originalPrice: s.originalPrice ?? null })),
  );
  const product = await em.save(
    em.create(ProductEntity, {
      categoryId: input.categoryId,
      title: input.title,
      subtitle: input.subtitle ?? null,
      description: input.description ?? null,
      images: input.images,
      specAxes: input.specAxes.map((a) => ({ name: a.name, values: [...a.values] })),
      onShelf: input.onShelf ?? true,
      minPrice: prices.minPrice,
      originalPrice: prices.originalPrice,
      sales: input.sales ?? 0,
      deletedAt: null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    }),
  );
  const skus = await em.save(
    input.skus.map((s) =>
      em.create(SkuEntity, {
        productId: product.id,
        specs: { ...s.specs },
        price: s.price,
        originalPrice: s.originalPrice ?? null,
        stock: s.stock,
        code: s.code ?? null,
        purchaseLimit: s.purchaseLimit ?? null,
        deletedAt: null,
      }),
    ),
  );
  // searchable from the moment it commits, never before
  await reindexProducts(em, [product.id]);
  return { product, skus };
}

export function assertAxes(axes: CreateProductRequest['specAxes']): void {
  const errors = checkAxes(axes);
  if (errors.length) throw Errors.SKU_SPEC_MISMATCH(errors.map((e) => e.message).join('; '), { errors });
}

export function liveSkus(em: EntityManager, productId: number): Promise<SkuEntity[]> {
  return em.find(SkuEntity, { where: { productId, deletedAt: IsNull() }, order: { id: 'ASC' } });
}

/** products.min_price / original_price follow the live SKUs; run after every SKU write. */
export async function refreshPrices(em: EntityManager, productId: number): Promise<void> {
  const prices = summarisePrices(await liveSkus(em, productId));
  await em.update(
    ProductEntity,
    { id: productId },
    // updatedAt in milliseconds, as inserts store it (TypeORM's own CURRENT_TIMESTAMP is whole seconds)
    { minPrice: prices.minPrice, originalPrice: prices.originalPrice, updatedAt: new Date() },
  );
}
