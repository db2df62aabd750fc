import {
  bannerFile,
  categoryIconFile,
  type CategoryKey,
  DEMO_BANNERS,
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  productImageFile,
} from './demo-data';

/*
 * The demo pictures: small, self-contained SVGs (a gradient, a category glyph and the name),
 * generated once by generate-images.ts into apps/api/assets/demo and served by the API, so the
 * demo shop needs no internet and no image hosting.
 */

const GLYPHS: Record<CategoryKey, string> = {
  digital:
    '<rect x="-60" y="-105" width="120" height="210" rx="18"/><rect x="-48" y="-88" width="96" height="160" rx="6" fill="#fff" fill-opacity=".35"/><circle cx="0" cy="88" r="8" fill="#fff" fill-opacity=".5"/>',
  apparel: '<path d="M-40-100 0-80 40-100 100-60 75-20 55-35 55 100-55 100-55-35-75-20-100-60Z"/>',
  beauty:
    '<rect x="-32" y="-20" width="64" height="120" rx="8"/><rect x="-24" y="-70" width="48" height="50" rx="4" fill-opacity=".6"/><path d="M-18-70-18-110 18-95 18-70Z"/>',
  food: '<path d="M-100-10H100A100 100 0 0 1-100-10Z"/><circle cx="-40" cy="-45" r="22" fill-opacity=".6"/><circle cx="15" cy="-55" r="26" fill-opacity=".6"/><circle cx="55" cy="-35" r="18" fill-opacity=".6"/>',
  home: '<path d="M0-105 110-10H80V100H-80V-10H-110Z"/><rect x="-25" y="30" width="50" height="70" fill="#fff" fill-opacity=".45"/>',
  baby: '<circle cx="0" cy="-45" r="55"/><ellipse cx="0" cy="65" rx="75" ry="45"/><circle cx="-20" cy="-52" r="7" fill="#fff" fill-opacity=".45"/><circle cx="20" cy="-52" r="7" fill="#fff" fill-opacity=".45"/>',
  sports:
    '<rect x="-70" y="-12" width="140" height="24" rx="6"/><rect x="-110" y="-60" width="34" height="120" rx="10"/><rect x="76" y="-60" width="34" height="120" rx="10"/>',
  books:
    '<path d="M-110-80Q-55-100 0-75V100Q-55 75-110 95Z"/><path d="M110-80Q55-100 0-75V100Q55 75 110 95Z" fill-opacity=".7"/>',
};

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

const FONT = 'font-family="PingFang SC,Hiragino Sans GB,Microsoft YaHei,Noto Sans CJK SC,sans-serif"';

function gradient(id: string, hue: number): string {
  return (
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue},70%,88%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360},65%,72%)"/>` +
    `</linearGradient></defs>`
  );
}

/** 600×600 product picture; `variant` shifts the hue so neighbours differ. */
export function productSvg(title: string, key: CategoryKey, hue: number, variant: number): string {
  const h = (hue + (variant % 5) * 12) % 360;
  const label = title.length > 12 ? `${title.slice(0, 12)}…` : title;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">` +
    gradient('g', h) +
    `<rect width="600" height="600" fill="url(#g)"/>` +
    `<g transform="translate(300 260) scale(1.3)" fill="hsl(${h},55%,38%)">${GLYPHS[key]}</g>` +
    `<text x="300" y="520" text-anchor="middle" font-size="40" ${FONT} fill="hsl(${h},60%,22%)">${escapeXml(label)}</text>` +
    `</svg>\n`
  );
}

/** 120×120 round category icon. */
export function categoryIconSvg(key: CategoryKey, hue: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">` +
    gradient('g', hue) +
    `<circle cx="60" cy="60" r="60" fill="url(#g)"/>` +
    `<g transform="translate(60 60) scale(.36)" fill="hsl(${hue},55%,38%)">${GLYPHS[key]}</g>` +
    `</svg>\n`
  );
}

/** 750×300 home-screen banner. */
export function bannerSvg(title: string, subtitle: string, key: CategoryKey, hue: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="300" viewBox="0 0 750 300">` +
    gradient('g', hue) +
    `<rect width="750" height="300" fill="url(#g)"/>` +
    `<g transform="translate(610 150) scale(.9)" fill="hsl(${hue},55%,42%)" fill-opacity=".85">${GLYPHS[key]}</g>` +
    `<text x="48" y="135" font-size="46" font-weight="bold" ${FONT} fill="hsl(${hue},60%,20%)">${escapeXml(title)}</text>` +
    `<text x="48" y="195" font-size="28" ${FONT} fill="hsl(${hue},45%,30%)">${escapeXml(subtitle)}</text>` +
    `</svg>\n`
  );
}

/** Every demo drawing by file name (committed under apps/api/assets/demo, rasterised at seed time). */
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
