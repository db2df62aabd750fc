// Search at scale: for each catalog size (default 1,000, 10,000, 100,000; `--catalog-size` or
// BENCH_CATALOG_SIZES), a deterministic catalog in its own MariaDB database, the search index
// built by the API's own code (dist), then 64 connections in a closed loop sending exactly the
// statements the API sends on a cache miss: keyword search (rows page + total), the database list
// page (page 6, newest) and a category page. Measured at the database boundary from this process
// so every request is a miss (through HTTP the answers would come from the catalog cache).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import mysql from 'mysql2/promise';
import { dropDatabase, recreateDatabase } from '../lib/shop.mjs';
import { log, percentile } from '../lib/util.mjs';

// Deterministic: the same catalog for the same size on every run (a fixed-seed LCG).
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOPS = ['数码', '服装', '家居', '美妆', '食品', '运动', '母婴', '图书', '厨具', '箱包'];
const NOUNS = {
  数码: ['蓝牙耳机', '手机壳', '充电宝', '数据线', '蓝牙音箱', '智能手表', '机械键盘', '无线鼠标'],
  服装: ['连衣裙', '纯棉T恤', '牛仔裤', '羽绒服', '卫衣', '衬衫', '运动裤', '针织衫'],
  家居: ['抱枕', '床单', '收纳盒', '台灯', '地毯', '窗帘', '毛巾', '衣架'],
  美妆: ['口红', '面膜', '粉底液', '眼影', '防晒霜', '洗面奶', '香水', '护手霜'],
  食品: ['坚果', '牛肉干', '绿茶', '咖啡豆', '饼干', '蜂蜜', '巧克力', '果干'],
  运动: ['跑步鞋', '瑜伽垫', '哑铃', '篮球', '运动水壶', '护膝', '跳绳', '泳镜'],
  母婴: ['奶瓶', '纸尿裤', '婴儿车', '安抚奶嘴', '儿童餐椅', '湿巾', '爬行垫', '积木'],
  图书: ['小说', '绘本', '字典', '教材', '漫画', '散文集', '传记', '诗集'],
  厨具: ['炒锅', '汤锅', '菜刀', '砧板', '保温杯', '电饭煲', '榨汁机', '烤箱'],
  箱包: ['双肩包', '行李箱', '钱包', '手提包', '腰包', '旅行袋', '斜挎包', '电脑包'],
};
const ADJ = ['无线', '降噪', '便携', '轻薄', '加厚', '经典', '新款', '夏季', '冬季', '防水', '大容量', '迷你'];
const BRANDS = ['华为', '小米', '罗技', '安踏', '李宁', '良品', '百草', '美的', '苏泊尔', '南极人', 'Anker', 'Apple'];
export const SEARCH_QUERIES = ['蓝牙 耳机', '耳机', '连衣裙', '小米 充电宝', '保温杯', '无线', '耳', 'anker 数据线'];

async function loadCatalog(pool, size) {
  const rand = rng(size);
  const cats = [];
  for (const [i, top] of TOPS.entries()) {
    const [res] = await pool.query('INSERT INTO categories (name, parent_id, sort_order) VALUES (?, NULL, ?)', [
      top,
      i,
    ]);
    const children = [];
    for (const [j, noun] of NOUNS[top].entries()) {
      const [c] = await pool.query('INSERT INTO categories (name, parent_id, sort_order) VALUES (?, ?, ?)', [
        noun.slice(-2),
        res.insertId,
        j,
      ]);
      children.push({ id: c.insertId, noun });
    }
    cats.push({ id: res.insertId, top, children });
  }
  const start = Date.UTC(2026, 0, 1);
  const BATCH = 1000;
  for (let from = 0; from < size; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(size, from + BATCH); i++) {
      const top = cats[Math.floor(rand() * cats.length)];
      const child = top.children[Math.floor(rand() * top.children.length)];
      const brand = BRANDS[Math.floor(rand() * BRANDS.length)];
      const adj = ADJ[Math.floor(rand() * ADJ.length)];
      const title = `${brand} ${adj}${child.noun} ${i}号`;
      const subtitle = `${ADJ[Math.floor(rand() * ADJ.length)]} ${top.top}好物`;
      const price = 100 + Math.floor(rand() * 99_900);
      const created = new Date(start + i * 60_000);
      rows.push([
        child.id,
        title,
        subtitle,
        `${title}，${subtitle}。`,
        '[]',
        '[]',
        1,
        price,
        null,
        Math.floor(rand() * 5000),
        created,
        created,
      ]);
    }
    await pool.query(
      'INSERT INTO products (category_id, title, subtitle, description, images, spec_axes, on_shelf, min_price, ' +
        'original_price, sales, created_at, updated_at) VALUES ?',
      [rows],
    );
  }
  return cats;
}

const COLS = 'id, category_id, title, subtitle, images, on_shelf, min_price, original_price, sales, created_at';

/**
 * One search page as product-list.query.ts runs it on a cache miss: the word expansion and (for
 * several words) the frequency probe from the API's own compiled code, then rows and the capped
 * total together. Returns the total (capped at cap + 1) and the first title.
 */
async function searchPage(dist, sql, keyword, cap = dist.index.SEARCH_MAX_RESULTS) {
  const terms = dist.terms.queryTerms(keyword);
  const filter = { sql: 'deleted_at IS NULL AND on_shelf = ?', params: [1] };
  const m = await dist.index.searchCandidates(sql, terms, filter, cap);
  if (!m) return { total: 0, first: undefined };
  // page 1 as findProductPage runs it: the candidates ranked with the capped count in one
  // statement, and only the page's rows read from products
  const rows = await sql.query(rankedPage(m.sql), [...m.params, 20, 0]);
  return { total: Number(rows[0]?.matches_n ?? 0), first: rows[0]?.title };
}

async function closedLoop(request, { connections, seconds }) {
  const lat = [];
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const i = n++;
        const t0 = performance.now();
        await request(i);
        lat.push(performance.now() - t0);
      }
    }),
  );
  return { requests: lat.length, rps: lat.length / seconds, p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

function rankedPage(candidates) {
  return (
    `SELECT ${COLS.split(', ')
      .map((c) => `p.${c}`)
      .join(', ')}, r.matches_n FROM (SELECT product_id, COUNT(*) OVER () AS matches_n, ` +
    'ROW_NUMBER() OVER (ORDER BY score DESC, sales DESC, product_id DESC) AS pos ' +
    `FROM (${candidates}) m ORDER BY pos LIMIT ? OFFSET ?) r JOIN products p ON p.id = r.product_id ORDER BY r.pos`
  );
}

/** MariaDB's plan for a query's statements (the access path evidence for RESULTS.md). */
async function explain(pool, dist, sql, keyword) {
  const terms = dist.terms.queryTerms(keyword);
  const filter = { sql: 'deleted_at IS NULL AND on_shelf = ?', params: [1] };
  const m = await dist.index.searchCandidates(sql, terms, filter);
  if (!m) return [];
  const [rows] = await pool.query(`EXPLAIN ${rankedPage(m.sql)}`, [...m.params, 20, 0]);
  return rows.map((r) => ({
    id: r.id,
    table: r.table,
    type: r.type,
    key: r.key,
    rows: Number(r.rows),
    extra: r.Extra,
  }));
}

export async function runSearchAtScale({ mysqlUrl, database, distDir, sizes, connections, seconds, keep }) {
  // compiled CommonJS: its exports arrive as the default export
  const load = async (file) => {
    const mod = await import(resolve(distDir, 'apps/api/src/modules/catalog/search', file));
    return mod.default ?? mod;
  };
  const dist = { terms: await load('search-terms.js'), index: await load('search-index.js') };
  const out = [];
  for (const size of sizes) {
    const name = `${database}_search_${size}`;
    await recreateDatabase(mysqlUrl, name);
    const url = `${mysqlUrl.replace(/\/$/, '')}/${name}`;
    const migrate = spawnSync('node', [resolve(distDir, 'apps/api/src/database/cli.js'), 'run'], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr.slice(-500)}`);
    const u = new URL(mysqlUrl);
    const pool = mysql.createPool({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password),
      database: name,
      connectionLimit: connections * 2,
      charset: 'utf8mb4',
    });
    try {
      let t0 = performance.now();
      const cats = await loadCatalog(pool, size);
      const loadMs = performance.now() - t0;
      t0 = performance.now();
      const sql = { query: async (s, p) => (await pool.query(s, p))[0] };
      await dist.index.rebuildSearchIndex(sql);
      const indexMs = performance.now() - t0;
      await pool.query('ANALYZE TABLE products, product_search_terms');
      const [[{ n: termRows }]] = await pool.query('SELECT COUNT(*) AS n FROM product_search_terms');
      const [[{ bytes }]] = await pool.query(
        "SELECT DATA_LENGTH + INDEX_LENGTH AS bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'product_search_terms'",
        [name],
      );
      log(`search ${size}: catalog ${Math.round(loadMs)} ms, index ${Math.round(indexMs)} ms (${termRows} term rows)`);
      const matches = {};
      const cap = dist.index.SEARCH_MAX_RESULTS;
      for (const q of SEARCH_QUERIES) {
        const r = await searchPage(dist, sql, q);
        // the exact number of matches (uncapped), to show what the cap bounds
        const exact = await searchPage(dist, sql, q, 10_000_000);
        matches[q] = {
          total: Math.min(r.total, cap),
          lowerBound: r.total > cap,
          exact: exact.total,
          first: r.first,
        };
      }
      const plans = {};
      for (const q of ['无线', '蓝牙 耳机', '耳']) plans[q] = await explain(pool, dist, sql, q);
      // warm-up, then the measured loops
      const searchReq = (i) => searchPage(dist, sql, SEARCH_QUERIES[i % SEARCH_QUERIES.length]);
      await closedLoop(searchReq, { connections, seconds: 1 });
      const search = await closedLoop(searchReq, { connections, seconds });
      const cols = COLS;
      const listPage = await closedLoop(
        () =>
          pool.query(
            `SELECT ${cols} FROM products WHERE deleted_at IS NULL AND on_shelf = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
            [1, 20, 100],
          ),
        { connections, seconds },
      );
      const category = (i) => {
        const top = cats[i % cats.length];
        const ids = [top.id, ...top.children.map((c) => c.id)];
        return pool.query(
          `SELECT ${cols} FROM products WHERE deleted_at IS NULL AND on_shelf = ? AND category_id IN (${ids.map(() => '?').join(', ')}) ORDER BY sales DESC, id DESC LIMIT ? OFFSET ?`,
          [1, ...ids, 20, 0],
        );
      };
      const categoryPage = await closedLoop(category, { connections, seconds });
      out.push({
        size,
        load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
        loadMs,
        indexMs,
        termRows: Number(termRows),
        indexBytes: Number(bytes),
        matches,
        plans,
        cap,
        search,
        listPage,
        categoryPage,
      });
      log(
        `search ${size}: search p50/p99 ${search.p50.toFixed(1)}/${search.p99.toFixed(1)} ms (${Math.round(search.rps)}/s); ` +
          `list page ${listPage.p50.toFixed(1)}/${listPage.p99.toFixed(1)} ms; category ${categoryPage.p50.toFixed(1)}/${categoryPage.p99.toFixed(1)} ms`,
      );
    } finally {
      await pool.end();
      if (!keep) await dropDatabase(mysqlUrl, name);
    }
  }
  return out;
}

export function searchSection(rows, load) {
  const base = rows[0];
  const cap = rows[0]?.cap ?? 1000;
  const lines = [
    '## Search at scale (case 10, `BENCH_ONLY=search npm run bench -- --catalog-size 1000,10000,100000`)',
    '',
    `Machine load at start: ${load}. MariaDB, 64 connections in a closed loop for each figure, every request a cache miss ` +
      `(what the API runs for a page that is not cached: the word expansion, for several words the frequency probe, then page 1 with the total capped at ${cap.toLocaleString('en-US')}). Queries rotate over ` +
      SEARCH_QUERIES.map((q) => `\`${q}\``).join(', ') +
      '. Catalogs are deterministic (fixed seed). Bounded work per search (docs/search.md): the rarest word drives, each of its index terms is read best weight first and the scan stops after the cap + 1; rows and the count come from one statement (`COUNT(*) OVER ()`).',
    '',
    '| products | load avg (after the case) | index rows (size) | index build | search p50 / p99 | ratio of p99 to 1,000 | list page p50 / p99 | category page p50 / p99 | search target (p99 < 50 ms) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.load} | ${r.termRows.toLocaleString('en-US')} (${(r.indexBytes / 1e6).toFixed(1)} MB) | ${(r.indexMs / 1000).toFixed(1)} s | ` +
        `${r.search.p50.toFixed(1)} / ${r.search.p99.toFixed(1)} ms (${Math.round(r.search.rps)}/s) | ${(r.search.p99 / base.search.p99).toFixed(2)} | ` +
        `${r.listPage.p50.toFixed(1)} / ${r.listPage.p99.toFixed(1)} ms | ${r.categoryPage.p50.toFixed(1)} / ${r.categoryPage.p99.toFixed(1)} ms | ` +
        `${r.search.p99 < 50 ? 'met' : 'missed'} |`,
    );
  }
  const last = rows[rows.length - 1];
  lines.push(
    '',
    `Matches at ${last.size.toLocaleString('en-US')} products (reported total, \`+\` = \`totalIsLowerBound\`; exact count in brackets): ` +
      Object.entries(last.matches)
        .map(([q, m]) => `\`${q}\` ${m.total}${m.lowerBound ? '+' : ''} (${m.exact}; first: ${m.first ?? '—'})`)
        .join('; ') +
      '.',
    '',
    `MariaDB \`EXPLAIN\` of the rows statement at ${last.size.toLocaleString('en-US')} products (table, access type, key, estimated rows, extra):`,
    '',
  );
  for (const [q, plan] of Object.entries(last.plans ?? {})) {
    lines.push(
      `- \`${q}\`: ` +
        plan
          .map((p) => `${p.id}:${p.table} ${p.type} \`${p.key ?? '—'}\` ~${p.rows}${p.extra ? ` (${p.extra})` : ''}`)
          .join('; '),
    );
  }
  return lines.join('\n');
}
