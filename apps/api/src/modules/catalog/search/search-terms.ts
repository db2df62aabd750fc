import type { Jieba } from '@node-rs/jieba';

/*
 * Words for the product search index and for a shopper's query, cut by the same segmenter the
 * same way, so a query word matches exactly the index terms it should.
 *
 * Chinese has no spaces, so words come from jieba (`@node-rs/jieba`, its bundled dictionary) in
 * "search" mode: `蓝牙无线耳机` gives 蓝牙, 无线, 耳机 and 无线耳机, i.e. both the words and the
 * compounds they form. HMM guessing of unknown words is off on both sides: it depends on the
 * surrounding text, so the same word could come out differently in a title and in a query.
 *
 * The dictionary costs ~250 ms and ~50 MB of RSS to load, so it is loaded on first use (the
 * first search or catalog write of a process), not at boot: cold start and idle memory of a
 * replica that has not searched yet stay as they were (bench/RESULTS.md).
 */

/** Longest term kept (characters); the column is wider, so a term is never cut mid-character. */
export const MAX_TERM_LENGTH = 32;
/** More query words than this add nothing a shopper would notice and only cost joins. */
export const MAX_QUERY_TERMS = 6;
/** Descriptions can be long; the first part says what the product is. */
const MAX_DESCRIPTION_CHARS = 2000;

/** Where a term was found; the weights rank title over category over description, summed per term. */
export const FIELD_WEIGHT = { title: 100, category: 10, text: 1 } as const;

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    // Required here, not imported at the top: loading the dictionary is the expensive part.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/** Full-width letters and digits become ASCII (NFKC), letters lower-case: `ＡｉｒＰｏｄｓ` = `airpods`. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const WORDLIKE = /[\p{L}\p{N}]/u;

function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(normalise(text), false)) {
    const word = raw.trim();
    if (word && WORDLIKE.test(word) && [...word].length <= MAX_TERM_LENGTH) out.push(word);
  }
  return out;
}

export interface ProductText {
  title: string;
  subtitle?: string | null;
  description?: string | null;
  /** the product's category and, for a subcategory, its parent */
  categoryNames: string[];
}

/** Index terms of one product with their summed field weights (one row per term). */
export function productTerms(product: ProductText): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string | null | undefined, weight: number): void => {
    if (!text) return;
    const seen = new Set(words(text));
    for (const word of seen) terms.set(word, (terms.get(word) ?? 0) + weight);
  };
  add(product.title, FIELD_WEIGHT.title);
  add(product.categoryNames.join(' '), FIELD_WEIGHT.category);
  add(
    [product.subtitle ?? '', (product.description ?? '').slice(0, MAX_DESCRIPTION_CHARS)].join(' '),
    FIELD_WEIGHT.text,
  );
  return terms;
}

/**
 * The words of a query, every one of which must match (as a term or a term's prefix).
 *
 * Search mode also emits the compound (`无线耳机` besides 无线 and 耳机); a compound is dropped
 * when the smaller words it contains cover all of it, so `无线耳机` also finds a title written
 * `无线 蓝牙 耳机`, while `手机壳` (only 手机 inside) stays and does not find every phone. Spaces only separate words: `蓝牙 耳机` and `耳机蓝牙` find the same products.
 */
export function queryTerms(keyword: string): string[] {
  const all: string[] = [];
  for (const part of normalise(keyword).split(/[\s\p{P}\p{S}]+/u)) {
    if (!part) continue;
    const found = [...new Set(words(part))];
    for (const word of found) {
      if (!coveredBySmaller(word, found) && !all.includes(word)) all.push(word);
    }
  }
  return all.slice(0, MAX_QUERY_TERMS);
}

/** Whether the other words found inside `word` cover every one of its characters. */
function coveredBySmaller(word: string, found: string[]): boolean {
  const covered = new Array<boolean>(word.length).fill(false);
  for (const other of found) {
    if (other === word || other.length >= word.length) continue;
    for (let at = word.indexOf(other); at >= 0; at = word.indexOf(other, at + 1)) {
      covered.fill(true, at, at + other.length);
    }
  }
  return covered.every(Boolean);
}

/**
 * The half-open range `[term, upper)` holding every string that starts with `term`, in code point
 * order (SQLite's BINARY and MySQL's utf8mb4_bin both compare that way), so a prefix lookup is
 * an index range on both engines without LIKE and its escaping rules.
 */
export function prefixRange(term: string): [string, string] {
  const chars = [...term];
  const last = chars.pop()!.codePointAt(0)!;
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return [term, chars.join('') + String.fromCodePoint(next)];
}
