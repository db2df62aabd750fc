import type { ProductSort } from '@sutwxapp/contracts';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';

export interface ProductFilter {
  categoryId?: number;
  keyword?: string;
  sort: ProductSort;
  page: number;
  pageSize: number;
  /** shoppers: on-shelf only; admins may ask for either or both */
  onShelf?: boolean;
}

/** Every order ends on the id so equal prices, sales or timestamps never repeat or skip across pages. */
const ORDER: Record<ProductSort, Array<[string, 'ASC' | 'DESC']>> = {
  newest: [
    ['p.createdAt', 'DESC'],
    ['p.id', 'DESC'],
  ],
  price_asc: [
    ['p.minPrice', 'ASC'],
    ['p.id', 'ASC'],
  ],
  price_desc: [
    ['p.minPrice', 'DESC'],
    ['p.id', 'DESC'],
  ],
  sales: [
    ['p.sales', 'DESC'],
    ['p.id', 'DESC'],
  ],
};

/** `%`, `_` and `\` in a keyword are literal characters, not wildcards. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of live (not deleted) products. The keyword is a LIKE on title/subtitle: plain
 * substring matching is what Chinese needs (no word boundaries to tokenise on), and it behaves
 * the same on SQLite and on MariaDB's utf8mb4_unicode_ci columns.
 */
export async function findProductPage(
  products: Repository<ProductEntity>,
  filter: ProductFilter,
): Promise<[ProductEntity[], number]> {
  const qb = products.createQueryBuilder('p').where('p.deletedAt IS NULL');
  if (filter.onShelf !== undefined) qb.andWhere('p.onShelf = :onShelf', { onShelf: filter.onShelf });
  if (filter.categoryId !== undefined) {
    const ids = await categoryWithChildren(products, filter.categoryId);
    qb.andWhere('p.categoryId IN (:...categoryIds)', { categoryIds: ids });
  }
  if (filter.keyword) {
    // The escape character is a bound parameter: SQLite and MySQL read backslashes in SQL text differently.
    qb.andWhere('(p.title LIKE :kw ESCAPE :esc OR p.subtitle LIKE :kw ESCAPE :esc)', {
      kw: likePattern(filter.keyword),
      esc: '\\',
    });
  }
  // Rows and total as two statements in flight at once, on two pooled connections: the same
  // two statements getManyAndCount runs one after the other, at about half its CPU and latency.
  const rows = orderBy(qb.clone(), filter.sort)
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getMany();
  return Promise.all([rows, qb.getCount()]);
}

/** The first `limit` products for the home screen, in one of the list orders. */
export function findTopProducts(
  products: Repository<ProductEntity>,
  sort: ProductSort,
  limit: number,
): Promise<ProductEntity[]> {
  const qb = products.createQueryBuilder('p').where('p.deletedAt IS NULL AND p.onShelf = :on', { on: true });
  return orderBy(qb, sort).take(limit).getMany();
}

function orderBy(qb: SelectQueryBuilder<ProductEntity>, sort: ProductSort): SelectQueryBuilder<ProductEntity> {
  ORDER[sort].forEach(([column, direction], i) =>
    i === 0 ? qb.orderBy(column, direction) : qb.addOrderBy(column, direction),
  );
  return qb;
}

/** A category and its direct children (the tree has two levels). */
async function categoryWithChildren(products: Repository<ProductEntity>, categoryId: number): Promise<number[]> {
  const children = await products.manager.find(CategoryEntity, {
    select: { id: true },
    where: { parentId: categoryId },
  });
  return [categoryId, ...children.map((c) => c.id)];
}
