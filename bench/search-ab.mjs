// Usage: node bench/search-ab.mjs <database> (a catalog kept by BENCH_KEEP_DB=1 BENCH_ONLY=search, after npm run build).
// A/B one query at a time, interleaved, best of 7: the search before (UNION ALL … HAVING, every match
// ranked and counted) against the bounded search, on the kept 100,000-product bench catalog.
import { resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { performance } from 'node:perf_hooks';
const idx = (await import(resolve('dist', 'apps/api/src/modules/catalog/search/search-index.js'))).default;
const terms = (await import(resolve('dist', 'apps/api/src/modules/catalog/search/search-terms.js'))).default;
const pool = mysql.createPool({
  host: '127.0.0.1',
  user: 'root',
  database: process.argv[2],
  connectionLimit: 4,
  charset: 'utf8mb4',
});
const sql = { query: async (s, p) => (await pool.query(s, p))[0] };
const T = 'product_search_terms';
const COLS = 'id, category_id, title, subtitle, images, on_shelf, min_price, original_price, sales, created_at';
function oldMatches(ts) {
  const params = [];
  const per = ts.map((term, i) => {
    if (i < ts.length - 1) {
      params.push(term);
      return `SELECT product_id, weight AS w FROM ${T} WHERE term = ?`;
    }
    params.push(...terms.prefixRange(term));
    return `SELECT product_id, MAX(weight) AS w FROM ${T} WHERE term >= ? AND term < ? GROUP BY product_id`;
  });
  if (per.length === 1) return { sql: `SELECT product_id, w AS score FROM (${per[0]}) t0`, params };
  return {
    sql: `SELECT product_id, SUM(w) AS score FROM (${per.join(' UNION ALL ')}) t GROUP BY product_id HAVING COUNT(*) = ${per.length}`,
    params,
  };
}
async function oldSearch(q) {
  const m = oldMatches(terms.queryTerms(q));
  const join = `JOIN (${m.sql}) m ON m.product_id = id`;
  const w = 'deleted_at IS NULL AND on_shelf = ?';
  await Promise.all([
    sql.query(
      `SELECT ${COLS} FROM products ${join} WHERE ${w} ORDER BY m.score DESC, sales DESC, id DESC LIMIT 20 OFFSET 0`,
      [...m.params, 1],
    ),
    sql.query(`SELECT COUNT(*) AS n FROM products ${join} WHERE ${w}`, [...m.params, 1]),
  ]);
}
const page = (c) =>
  `SELECT ${COLS.split(', ')
    .map((x) => `p.${x}`)
    .join(
      ', ',
    )}, r.matches_n FROM (SELECT product_id, COUNT(*) OVER () AS matches_n, ROW_NUMBER() OVER (ORDER BY score DESC, sales DESC, product_id DESC) AS pos FROM (${c}) m ORDER BY pos LIMIT ? OFFSET ?) r JOIN products p ON p.id = r.product_id ORDER BY r.pos`;
async function newSearch(q) {
  const m = await idx.searchCandidates(sql, terms.queryTerms(q), {
    sql: 'deleted_at IS NULL AND on_shelf = ?',
    params: [1],
  });
  if (m) await sql.query(page(m.sql), [...m.params, 20, 0]);
}
console.log('load', (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim());
for (const q of ['蓝牙 耳机', '耳机', '连衣裙', '小米 充电宝', '保温杯', '无线', '耳', 'anker 数据线']) {
  let a = Infinity,
    b = Infinity;
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    await oldSearch(q);
    a = Math.min(a, performance.now() - t);
    t = performance.now();
    await newSearch(q);
    b = Math.min(b, performance.now() - t);
  }
  console.log(`| \`${q}\` | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
}
console.log('load', (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim());
await pool.end();
