import type { EntityManager } from 'typeorm';
import { BannerEntity } from '../entities/banner.entity';
import { CategoryEntity } from '../entities/category.entity';
import { insertProduct } from '../product-writes';
import {
  bannerFile,
  categoryIconFile,
  DEMO_BANNERS,
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  type DemoProduct,
  productImageFile,
} from './demo-data';
import { type DemoPictures, recordDemoPictures } from './demo-pictures';

export interface SeedResult {
  categories: number;
  products: number;
  skus: number;
  banners: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * Loads the demo shop into an empty catalog on the caller's transaction; does nothing (null)
 * when any category exists, so it is safe to run on every start. Numbers that look random
 * (stock, sales, creation times) are derived from the product's position: every run is identical.
 */
export async function seedDemoCatalog(
  em: EntityManager,
  pictures: DemoPictures,
  now = new Date(),
): Promise<SeedResult | null> {
  if (await isCatalogSeeded(em)) return null;
  const refs = await recordDemoPictures(em, pictures);
  const demoImage = (file: string): string => refs.get(file) as string;

  const subcategoryIds = new Map<string, number>();
  for (const [i, top] of DEMO_CATEGORIES.entries()) {
    const parent = await em.save(
      em.create(CategoryEntity, {
        name: top.name,
        parentId: null,
        icon: demoImage(categoryIconFile(top.key)),
        sortOrder: (i + 1) * 10,
      }),
    );
    for (const [j, name] of top.children.entries()) {
      const child = await em.save(
        em.create(CategoryEntity, { name, parentId: parent.id, icon: null, sortOrder: (j + 1) * 10 }),
      );
      subcategoryIds.set(name, child.id);
    }
  }

  const productIds: number[] = [];
  let skuCount = 0;
  for (const [i, demo] of DEMO_PRODUCTS.entries()) {
    const { product, skus } = await insertProduct(em, {
      categoryId: subcategoryIds.get(demo.cat) as number,
      title: demo.title,
      subtitle: demo.subtitle,
      description: `${demo.title}：${demo.subtitle}。\n正品保障 · 7 天无理由退换 · 48 小时内发货。`,
      images: [demoImage(productImageFile(i))],
      onShelf: true,
      specAxes: demo.axes.map(([name, values]) => ({ name, values })),
      skus: skuCombinations(demo, i),
      // spread over the last 60 days, the last product newest
      createdAt: new Date(now.getTime() - (DEMO_PRODUCTS.length - i) * DAY_MS + (i % 7) * 3600_000),
      sales: ((i * 7919) % 997) + (i % 4 === 0 ? 1500 : 0),
    });
    productIds.push(product.id);
    skuCount += skus.length;
  }

  for (const [i, banner] of DEMO_BANNERS.entries()) {
    await em.save(
      em.create(BannerEntity, {
        title: banner.title,
        image: demoImage(bannerFile(i)),
        link: `/pages/product/detail/index?id=${productIds[banner.product]}`,
        sortOrder: i,
        active: true,
      }),
    );
  }

  return {
    categories: DEMO_CATEGORIES.length + subcategoryIds.size,
    products: productIds.length,
    skus: skuCount,
    banners: DEMO_BANNERS.length,
  };
}

/** Any category means the catalog is someone's: never seed over it. */
export async function isCatalogSeeded(em: EntityManager): Promise<boolean> {
  return (await em.count(CategoryEntity)) > 0;
}

/** Every combination of the axes' values (颜色 × 尺码 …), priced as base + each value's add-on. */
function skuCombinations(demo: DemoProduct, productIndex: number) {
  let combos: Array<{ specs: Record<string, string>; extra: number }> = [{ specs: {}, extra: 0 }];
  for (const [name, values, addOns] of demo.axes) {
    combos = combos.flatMap((c) =>
      values.map((value, k) => ({ specs: { ...c.specs, [name]: value }, extra: c.extra + (addOns?.[k] ?? 0) })),
    );
  }
  return combos.map((c, k) => ({
    specs: c.specs,
    price: demo.price + c.extra,
    originalPrice: demo.original + c.extra,
    // a few sold-out combinations, so the picker's disabled state shows in the demo
    stock: (productIndex * 31 + k * 17) % 23 === 0 ? 0 : 20 + ((productIndex * 37 + k * 53) % 480),
    code: `D${String(productIndex + 1).padStart(2, '0')}-${String(k + 1).padStart(2, '0')}`,
  }));
}
