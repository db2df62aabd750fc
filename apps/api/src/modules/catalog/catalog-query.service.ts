import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CategoryNode,
  type HomePage,
  type ProductDetail,
  type ProductPage,
  type ProductSort,
} from '@sutwxapp/contracts';
import { IsNull, Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CatalogCacheService, MAX_CACHED_PAGE } from './catalog-cache.service';
import { toBanner, toCategory, toCategoryTree, toDetail, toSummary } from './catalog.mapper';
import { BannerEntity } from './entities/banner.entity';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import {
  countProducts,
  findProductPage,
  findProductRows,
  pageTotal,
  type PageTotal,
  findTopProducts,
  productWhere,
  type ProductFilter,
  type ProductListRow,
} from './product-list.query';

const HOME_PRODUCTS = 10;

/**
 * What shoppers read. Answers are built on a cache miss and then served from the cache (which
 * sends them as the bytes it stored). Only on-shelf, undeleted products are ever visible here.
 */
@Injectable()
export class CatalogQueryService {
  constructor(
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(SkuEntity) private readonly skus: Repository<SkuEntity>,
    @InjectRepository(BannerEntity) private readonly banners: Repository<BannerEntity>,
    private readonly cache: CatalogCacheService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async categoryTree(): Promise<CategoryNode[]> {
    return this.cache.getOrLoad('tree', await this.cache.treeKey(), async () =>
      toCategoryTree(await this.categories.find(), this.config),
    );
  }

  async home(): Promise<HomePage> {
    return this.cache.getOrLoad('home', await this.cache.homeKey(), async (): Promise<HomePage> => {
      const [banners, tops, hot, newest] = await Promise.all([
        this.banners.find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } }),
        this.categories.find({ where: { parentId: IsNull() }, order: { sortOrder: 'ASC', id: 'ASC' } }),
        findTopProducts(this.products, 'sales', HOME_PRODUCTS),
        findTopProducts(this.products, 'newest', HOME_PRODUCTS),
      ]);
      return {
        banners: banners.map((b) => toBanner(b, this.config)),
        categories: tops.map((c) => toCategory(c, this.config)),
        hot: hot.map((p) => toSummary(p, this.config)),
        newest: newest.map((p) => toSummary(p, this.config)),
      };
    });
  }

  async list(query: Omit<ProductFilter, 'onShelf' | 'sort'> & { sort?: ProductSort }): Promise<ProductPage> {
    // A search without a sort lists the best matches first; a plain list, the newest.
    const filter = { ...query, sort: query.sort ?? (query.keyword ? 'relevance' : 'newest') } satisfies ProductFilter;
    const shelf = { ...filter, onShelf: true, searchCap: this.config.searchMaxResults };
    const page = (items: ProductListRow[], total: PageTotal): ProductPage => ({
      items: items.map((p) => toSummary(p, this.config)),
      ...total,
      page: filter.page,
      pageSize: filter.pageSize,
    });
    if (filter.page > MAX_CACHED_PAGE) {
      // Deeper pages: the rows from the database every time; their total (the same for every
      // page of the filter, and changed only by catalog writes) from the cache.
      const where = await productWhere(this.products, shelf);
      const [items, total] = await Promise.all([
        findProductRows(this.products, shelf, where),
        this.cache
          .getOrLoad('count', await this.cache.countKey(filter), () => countProducts(this.products, where))
          .then((n) => pageTotal(where, n)),
      ]);
      return page(items, total);
    }
    return this.cache.getOrLoad('list', await this.cache.listKey(filter), async () =>
      page(...(await findProductPage(this.products, shelf))),
    );
  }

  async detail(productId: number): Promise<ProductDetail> {
    return this.cache.getOrLoad('detail', await this.cache.detailKey(productId), async () => {
      // Off-shelf and deleted products answer exactly like ids that never existed.
      const product = await this.products.findOneBy({ id: productId, onShelf: true, deletedAt: IsNull() });
      if (!product) throw Errors.PRODUCT_NOT_FOUND(`Product ${productId} not found`);
      const skus = await this.skus.findBy({ productId, deletedAt: IsNull() });
      return toDetail(product, skus, this.config);
    });
  }
}
