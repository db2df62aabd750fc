import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoImageFiles } from './demo-images';

export { demoImageFiles };

/**
 * Regenerates apps/api/assets/demo/*.svg from demo-data.ts (the files are committed):
 * `npm run build --silent && node dist/apps/api/src/modules/catalog/seed/generate-images.js`
 */
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
