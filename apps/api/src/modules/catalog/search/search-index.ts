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
 * The products matching every query term, with their relevance, as a derived table
 * `(product_id, score)` to join: per query term its weight (for the last one, the best weight
 * among the index terms it starts), summed over the query terms; a product missing any term is not there.
 */
export function searchMatches(terms: string[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const perTerm = terms.map((term, i) => {
    // Only the last word is matched as a prefix (the one a shopper is still typing): an exact
    // term is one index row per product, a prefix range needs grouping (bench: search at scale).
    if (i < terms.length - 1) {
      params.push(term);
      return `SELECT product_id, weight AS w FROM ${SEARCH_TABLE} WHERE term = ?`;
    }
    params.push(...prefixRange(term));
    return `SELECT product_id, MAX(weight) AS w FROM ${SEARCH_TABLE} WHERE term >= ? AND term < ? GROUP BY product_id`;
  });
  if (perTerm.length === 1) {
    return { sql: `SELECT product_id, w AS score FROM (${perTerm[0]}) t0`, params };
  }
  return {
    sql:
      `SELECT product_id, SUM(w) AS score FROM (${perTerm.join(' UNION ALL ')}) t ` +
      `GROUP BY product_id HAVING COUNT(*) = ${perTerm.length}`,
    params,
  };
}
