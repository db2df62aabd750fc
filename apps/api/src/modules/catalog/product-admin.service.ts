import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AdminProduct, type AdminProductPage, type BulkShelfResult } from '@sutwxapp/contracts';
import { type EntityManager, In, IsNull, Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { MediaService } from '../media/media.service';
import { CatalogCacheService } from './catalog-cache.service';
import { type SkuTotals, toAdminSummary, toDetail, toStoredUrl } from './catalog.mapper';
import type { BulkShelfDto } from './dto/admin-catalog.dto';
import type { AdminProductListQueryDto } from './dto/product-query.dto';
import type { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import { findAdminProductPage } from './admin-product-list.query';
import { assertAxes, insertProduct, liveSkus } from './product-writes';
import { reindexProducts } from './search/search-index';
import { assertSkusFitAxes } from './sku-rules';

/** Products as operators manage them: off-shelf ones included, deletes are soft. */
@Injectable()
export class ProductAdminService {
  constructor(
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    @InjectRepository(SkuEntity) private readonly skus: Repository<SkuEntity>,
    private readonly tx: TransactionService,
    private readonly cache: CatalogCacheService,
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: AdminProductListQueryDto): Promise<AdminProductPage> {
    const [items, total] = await findAdminProductPage(this.products, {
      ...query,
      searchCap: this.config.searchMaxResults,
    });
    const stock = await this.stockByProduct(items.map((p) => p.id));
    return {
      items: items.map((p) => toAdminSummary(p, stock.get(p.id), this.config)),
      ...total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<AdminProduct> {
    const product = await this.findLive(this.products.manager, id);
    return toDetail(product, await liveSkus(this.products.manager, id), this.config);
  }

  async create(dto: CreateProductDto): Promise<AdminProduct> {
    const { product, skus } = await this.tx.run(async (em) => {
      await assertCategoryExists(em, dto.categoryId);
      return insertProduct(em, { ...dto, images: await this.storedImages(em, dto.images) });
    });
    await this.cache.catalogChanged();
    return toDetail(product, skus, this.config);
  }

  async update(id: number, dto: UpdateProductDto): Promise<AdminProduct> {
    const result = await this.tx.run(async (em) => {
      const product = await this.findLive(em, id);
      const skus = await liveSkus(em, id);
      if (dto.categoryId !== undefined && dto.categoryId !== product.categoryId) {
        await assertCategoryExists(em, dto.categoryId);
        product.categoryId = dto.categoryId;
      }
      if (dto.specAxes !== undefined) {
        // New axes must still describe every live SKU, or the picker would offer combinations that do not exist.
        assertAxes(dto.specAxes);
        assertSkusFitAxes(dto.specAxes, skus);
        product.specAxes = dto.specAxes.map((a) => ({ name: a.name, values: [...a.values] }));
      }
      if (dto.title !== undefined) product.title = dto.title;
      if (dto.subtitle !== undefined) product.subtitle = dto.subtitle;
      if (dto.description !== undefined) product.description = dto.description;
      if (dto.images !== undefined) product.images = await this.storedImages(em, dto.images);
      if (dto.onShelf !== undefined) product.onShelf = dto.onShelf;
      // in milliseconds, as inserts store it ("最近更新" sorts by it; TypeORM's own stamp is whole seconds)
      product.updatedAt = new Date();
      const saved = await em.save(product);
      // the words a search finds it by, on the same transaction (on/off shelf is read from products)
      const textChanged = ['title', 'subtitle', 'description', 'categoryId'].some((k) => k in dto);
      if (textChanged) await reindexProducts(em, [id]);
      return { product: saved, skus };
    });
    await this.cache.productsChanged([id]);
    return toDetail(result.product, result.skus, this.config);
  }

  /**
   * On or off the shelf, many at once: each id answers for itself (a missing product, or one
   * without a SKU to sell, fails alone), in the order sent. One transaction with one conditional
   * UPDATE for the products that change; the caches are invalidated once, after it commits.
   */
  async bulkShelf(dto: BulkShelfDto): Promise<BulkShelfResult> {
    const { results, changed } = await this.tx.run(async (em) => {
      const found = await em.find(ProductEntity, {
        select: { id: true, onShelf: true },
        where: { id: In(dto.ids), deletedAt: IsNull() },
      });
      const byId = new Map(found.map((p) => [p.id, p]));
      const sellable = dto.onShelf ? await this.productsWithSkus(em, [...byId.keys()]) : null;
      const results: BulkShelfResult['results'] = dto.ids.map((id) => {
        if (!byId.has(id)) return { id, ok: false, code: 'PRODUCT_NOT_FOUND', message: `商品 ${id} 不存在或已删除` };
        if (sellable && !sellable.has(id)) {
          return { id, ok: false, code: 'CONFLICT', message: `商品 ${id} 没有可售的规格（SKU），请先添加规格再上架` };
        }
        return { id, ok: true };
      });
      const changed = results.filter((r) => r.ok && byId.get(r.id)!.onShelf !== dto.onShelf).map((r) => r.id);
      if (changed.length > 0) {
        // the row stays unchanged for a product deleted meanwhile (deleted_at); its id is then
        // invalidated for nothing, which is harmless
        await em
          .createQueryBuilder()
          .update(ProductEntity)
          .set({ onShelf: dto.onShelf, updatedAt: new Date() })
          .where({ id: In(changed), deletedAt: IsNull() })
          .execute();
      }
      return { results, changed };
    });
    if (changed.length > 0) await this.cache.productsChanged(changed);
    return { results };
  }

  /** Soft delete: orders keep their snapshots and the row stays for them; shoppers see a 404. */
  async remove(id: number): Promise<void> {
    await this.tx.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ deletedAt: new Date() })
        .where('id = :id AND deleted_at IS NULL', { id })
        .execute();
      if (result.affected !== 1) throw Errors.PRODUCT_NOT_FOUND(`Product ${id} not found`);
      await reindexProducts(em, [id]); // drops its terms
    });
    await this.cache.productsChanged([id]);
  }

  /** Uploaded images (`media:<id>` or their URLs) are checked and claimed on the product's transaction. */
  private storedImages(em: EntityManager, images: string[]): Promise<string[]> {
    return this.media.claimForCatalog(
      em,
      images.map((i) => toStoredUrl(i, this.config)),
    );
  }

  private async findLive(em: EntityManager, id: number): Promise<ProductEntity> {
    const product = await em.findOneBy(ProductEntity, { id, deletedAt: IsNull() });
    if (!product) throw Errors.PRODUCT_NOT_FOUND(`Product ${id} not found`);
    return product;
  }

  private async productsWithSkus(em: EntityManager, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await em.find(SkuEntity, {
      select: { productId: true },
      where: { productId: In(ids), deletedAt: IsNull() },
    });
    return new Set(rows.map((r) => r.productId));
  }

  private async stockByProduct(ids: number[]): Promise<Map<number, SkuTotals>> {
    if (ids.length === 0) return new Map();
    const rows = await this.skus
      .createQueryBuilder('s')
      .select('s.productId', 'productId')
      .addSelect('SUM(s.stock)', 'stock')
      .addSelect('COUNT(*)', 'skuCount')
      .addSelect('MAX(s.price)', 'maxPrice')
      .where({ productId: In(ids), deletedAt: IsNull() })
      .groupBy('s.productId')
      .getRawMany<Record<'productId' | 'stock' | 'skuCount' | 'maxPrice', number | string>>();
    // MySQL returns SUM/COUNT as strings (DECIMAL/BIGINT); SQLite as numbers.
    return new Map(
      rows.map((r) => [
        Number(r.productId),
        { stock: Number(r.stock), skuCount: Number(r.skuCount), maxPrice: Number(r.maxPrice) },
      ]),
    );
  }
}

export async function assertCategoryExists(em: EntityManager, categoryId: number): Promise<void> {
  if (!(await em.existsBy(CategoryEntity, { id: categoryId }))) {
    const message = `category ${categoryId} does not exist`;
    throw Errors.CATEGORY_NOT_FOUND(message, { status: 400, errors: [{ field: 'categoryId', message }] });
  }
}
