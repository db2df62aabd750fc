import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  bannerFile,
  categoryIconFile,
  DEMO_BANNERS,
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  productImageFile,
} from './demo-data';
import { bannerSvg, categoryIconSvg, productSvg } from './demo-images';

/**
 * Regenerates apps/api/assets/demo/*.svg from demo-data.ts (the files are committed):
 * `npm run build --silent && node dist/apps/api/src/modules/catalog/seed/generate-images.js`
 */
export function demoImageFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of DEMO_CATEGORIES) files.set(categoryIconFile(c.key), categoryIconSvg(c.key, c.hue));
  DEMO_PRODUCTS.forEach((p, i) => {
    const top = DEMO_CATEGORIES.find((c) => c.children.includes(p.cat)) ?? DEMO_CATEGORIES[0];
    files.set(productImageFile(i), productSvg(p.title, top.key, top.hue, i));
  });
  DEMO_BANNERS.forEach((b, i) => files.set(bannerFile(i), bannerSvg(b.title, b.subtitle, b.key, b.hue)));
  return files;
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? join(process.cwd(), 'apps/api/assets/demo'));
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const [name, svg] of demoImageFiles()) {
    writeFileSync(join(dir, name), svg);
    bytes += Buffer.byteLength(svg);
  }
  console.log(`wrote ${demoImageFiles().size} images (${Math.round(bytes / 1024)} KB) to ${dir}`);
}
