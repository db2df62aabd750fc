import { prefixRange, productTerms } from './search-terms';

/*
 * The search index: one row per (term, product) in `product_search_terms`, written on the
 * transaction of the catalog write that changed the product's text (create, edit, delete, a
 * category rename), so a search never sees a product its list page would not, nor misses one.
 * Which products a shopper may see is decided by the products table at query time (on shelf,
 * not deleted), so taking a product off the shelf needs no index change.
 *
 * A plain table both engines index the same way, rather than SQLite FTS5 or MySQL's ngram parser
 * (MariaDB has none): docs/search.md has the measurements and the reasons.
 */

export const SEARCH_TABLE = 'product_search_terms';

/** What both a TypeORM EntityManager and a migration's QueryRunner offer. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface ProductTextRow {
  id: number;
  title: string;
  subtitle: string | null;
  description: string | null;
  category: string | null;
  parent: string | null;
}

const INSERT_BATCH = 400;

/** Rewrites the index rows of these products from their current text (deleted ones get none). */
export async function reindexProducts(sql: Sql, productIds: number[]): Promise<void> {
  if (productIds.length === 0) return;
  const marks = productIds.map(() => '?').join(', ');
  await sql.query(`DELETE FROM ${SEARCH_TABLE} WHERE product_id IN (${marks})`, productIds);
  const rows = (await sql.query(
    `SELECT p.id, p.title, p.subtitle, p.description, c.name AS category, pc.name AS parent FROM products p ` +
      `LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN categories pc ON pc.id = c.parent_id ` +
      `WHERE p.id IN (${marks}) AND p.deleted_at IS NULL`,
    productIds,
  )) as ProductTextRow[];
  await insertTerms(sql, rows);
}

/** Products of these categories (a rename changes their category terms). */
export async function reindexCategories(sql: Sql, categoryIds: number[]): Promise<void> {
  if (categoryIds.length === 0) return;
  const marks = categoryIds.map(() => '?').join(', ');
  const rows = (await sql.query(
    `SELECT p.id FROM products p JOIN categories c ON c.id = p.category_id ` +
      `WHERE p.deleted_at IS NULL AND (c.id IN (${marks}) OR c.parent_id IN (${marks}))`,
    [...categoryIds, ...categoryIds],
  )) as Array<{ id: number }>;
  for (let i = 0; i < rows.length; i += 500) {
    await reindexProducts(
      sql,
      rows.slice(i, i + 500).map((r) => Number(r.id)),
    );
  }
}

/** The whole index from scratch (the migration that adds it; the bench after a bulk load). */
export async function rebuildSearchIndex(sql: Sql): Promise<number> {
  await sql.query(`DELETE FROM ${SEARCH_TABLE}`);
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = (await sql.query(
      `SELECT p.id, p.title, p.subtitle, p.description, c.name AS category, pc.name AS parent FROM products p ` +
        `LEFT JOIN categories c ON c.id = p.category_id LEFT JOIN categories pc ON pc.id = c.parent_id ` +
        `WHERE p.id > ? AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1000`,
      [after],
    )) as ProductTextRow[];
    if (rows.length === 0) return count;
    await insertTerms(sql, rows);
    after = Number(rows[rows.length - 1].id);
    count += rows.length;
  }
}

async function insertTerms(sql: Sql, rows: ProductTextRow[]): Promise<void> {
  const values: unknown[] = [];
  for (const row of rows) {
    const terms = productTerms({
      title: row.title,
      subtitle: row.subtitle,
      description: row.description,
      categoryNames: [row.parent, row.category].filter((n): n is string => !!n),
    });
    for (const [term, weight] of terms) values.push(term, Number(row.id), weight);
  }
  for (let i = 0; i < values.length; i += INSERT_BATCH * 3) {
    const chunk = values.slice(i, i + INSERT_BATCH * 3);
    const tuples = new Array(chunk.length / 3).fill('(?, ?, ?)').join(', ');
    await sql.query(`INSERT INTO ${SEARCH_TABLE} (term, product_id, weight) VALUES ${tuples}`, chunk);
  }
}

/**
 * How many matches a search ranks and counts at most (docs/search.md, "Bounded work"). A search
 * matching more reports `total` = this cap with `totalIsLowerBound`, and its pages stop there:
 * the work per search is bounded whatever the catalog's size (bench: search at scale).
 */
export const SEARCH_MAX_RESULTS = 1000; // the default of SEARCH_MAX_RESULTS (app-config.ts)
/** A word being typed (the last one) matches at most this many index terms it starts, shortest first. */
export const MAX_PREFIX_EXPANSIONS = 16;
/** Index entries read per round trip while expanding a prefix, and the round trips at most. */
const PREFIX_SCAN = 500;
const PREFIX_READS = 4;
/** Rows counted per word to find the rarest one (the one the intersection starts from). */
const FREQUENCY_SCAN = 5000;

/**
 * The products columns a candidate carries, so a page is ranked on the candidates alone and
 * only its rows are read from `products` (every list order's columns).
 */
export const SORT_COLUMNS = ['sales', 'min_price', 'created_at', 'rating_avg', 'review_count'] as const;

/** A filter on `products` (its columns unqualified), applied while candidates are collected. */
export interface ProductFilterSql {
  sql: string;
  params: unknown[];
}

/**
 * The index terms a query word stands for: itself for an earlier word, and for the last one
 * (the word a shopper is still typing) the indexed words it starts, shortest first, at most
 * MAX_PREFIX_EXPANSIONS (as search engines cap a prefix's expansions).
 *
 * Bounded: the range is read PREFIX_SCAN primary-key entries at a time, and when a read is full
 * the next one seeks past the last term seen (a skip scan by hand: MariaDB 10.11 does not pick a
 * loose index scan for it, and a word as common as `无线` has 17,000 entries at 100,000 products),
 * at most PREFIX_READS reads. A prefix whose words each fill a read may therefore expand to fewer
 * words than exist (documented in docs/search.md).
 */
export async function expandTerms(sql: Sql, terms: string[]): Promise<string[][]> {
  const groups = terms.slice(0, -1).map((t) => [t]);
  const [from, upper] = prefixRange(terms[terms.length - 1]);
  const found = new Set<string>();
  let after: string | undefined;
  for (let read = 0; read < PREFIX_READS && found.size < PREFIX_SCAN; read++) {
    const rows = (await sql.query(
      `SELECT term FROM ${SEARCH_TABLE} WHERE term ${after === undefined ? '>=' : '>'} ? AND term < ? ` +
        `ORDER BY term LIMIT ${PREFIX_SCAN}`,
      [after ?? from, upper],
    )) as Array<{ term: unknown }>;
    for (const r of rows) found.add(String(r.term));
    if (rows.length < PREFIX_SCAN) break;
    after = String(rows[rows.length - 1].term);
  }
  const expanded = [...found]
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_PREFIX_EXPANSIONS);
  groups.push(expanded);
  return groups;
}

/**
 * The candidates of a search as a derived table `(product_id, score, ...SORT_COLUMNS)`, already
 * filtered (on shelf, category), to rank, or null when a
 * word matches nothing. Bounded work, whatever the catalog's size:
 *
 * - the intersection starts from the rarest word (rows counted up to FREQUENCY_SCAN each); every
 *   other word is a primary-key probe `(term, product_id)` per candidate;
 * - each index term of that word is read in `(term, weight DESC, product_id DESC)` order (the
 *   index `ix_product_search_terms_rank`): title matches first, then category, then text, newest
 *   first among equals; joined to `products` with the filter (on shelf, category) and the other
 *   words, and the scan stops after SEARCH_MAX_RESULTS + 1 matches;
 * - the score (per word its best field weight, summed) is computed for those candidates only.
 *
 * So a word in 17 % of a 100,000-product catalog reads ~1,000 index entries, not 17,000. The
 * candidates beyond the cap are the ones with a lower field weight for the rarest word (or, at
 * equal weight, older); a count above the cap is reported as a lower bound.
 */
export async function searchCandidates(
  sql: Sql,
  terms: string[],
  filter: ProductFilterSql,
  cap = SEARCH_MAX_RESULTS,
): Promise<{ sql: string; params: unknown[] } | null> {
  const groups = await expandTerms(sql, terms);
  if (groups.some((g) => g.length === 0)) return null;
  let driver = 0;
  if (groups.length > 1) {
    const counts = (await sql.query(
      groups
        .map(
          (g, i) =>
            `SELECT ${i} AS g, COUNT(*) AS n FROM (SELECT 1 AS one FROM ${SEARCH_TABLE} ` +
            `WHERE term IN (${marks(g)}) LIMIT ${FREQUENCY_SCAN}) f${i}`,
        )
        .join(' UNION ALL '),
      groups.flat(),
    )) as Array<{ g: unknown; n: unknown }>;
    let best = Infinity;
    for (const row of counts) {
      const n = Number(row.n);
      if (n === 0) return null;
      if (n < best || (n === best && Number(row.g) < driver)) [best, driver] = [n, Number(row.g)];
    }
  }
  const others = groups.filter((_, i) => i !== driver);
  const scans: string[] = [];
  const params: unknown[] = [];
  for (const [i, term] of groups[driver].entries()) {
    const exists = others.map(
      (g) =>
        ` AND EXISTS (SELECT 1 FROM ${SEARCH_TABLE} x WHERE x.term IN (${marks(g)}) AND x.product_id = t.product_id)`,
    );
    scans.push(
      `SELECT * FROM (SELECT t.product_id, t.weight AS w, ${SORT_COLUMNS.join(', ')} ` +
        `FROM ${SEARCH_TABLE} t JOIN products ON id = t.product_id ` +
        `WHERE t.term = ? AND ${filter.sql}${exists.join('')} ` +
        `ORDER BY t.weight DESC, t.product_id DESC LIMIT ${cap + 1}) u${i}`,
    );
    params.push(term, ...filter.params, ...others.flat());
  }
  if (groups[driver].length === 1 && others.length === 0) {
    // one index term: its rows are the candidates, one per product, no grouping
    return { sql: `SELECT product_id, w AS score, ${SORT_COLUMNS.join(', ')} FROM (${scans[0]}) c`, params };
  }
  const otherScores = others.map(
    (g) =>
      ` + (SELECT MAX(x.weight) FROM ${SEARCH_TABLE} x WHERE x.term IN (${marks(g)}) AND x.product_id = c.product_id)`,
  );
  return {
    sql:
      `SELECT c.product_id, MAX(c.w)${otherScores.join('')} AS score, ` +
      `${SORT_COLUMNS.map((col) => `MAX(c.${col}) AS ${col}`).join(', ')} FROM (${scans.join(' UNION ALL ')}) c ` +
      `GROUP BY c.product_id`,
    // the select list's probes come before the scans in the statement
    params: [...others.flat(), ...params],
  };
}

function marks(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
