import { Injectable } from '@nestjs/common';
import { CATALOG_LIMITS, type Sku, type StockAdjustment, type StockAdjustmentPage } from '@sutwxapp/contracts';
import { type EntityManager, IsNull } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { PageQueryDto } from '../../common/page-query.dto';
import { TransactionService } from '../../database/transaction.service';
import { AdminAccountService } from '../auth/admin-account.service';
import { CatalogCacheService } from './catalog-cache.service';
import { toSku, toStockAdjustment, toStockAdjustmentRecord } from './catalog.mapper';
import type { SkuInputDto, StockAdjustmentDto, UpdateSkuDto } from './dto/product.dto';
import { ProductEntity } from './entities/product.entity';
import { SkuEntity } from './entities/sku.entity';
import { StockAdjustmentEntity } from './entities/stock-adjustment.entity';
import { liveSkus, refreshPrices } from './product-writes';
import { assertSkusFitAxes } from './sku-rules';

/** SKU prices, specs and stock. Every write refreshes the product's derived prices in the same transaction. */
@Injectable()
export class SkuAdminService {
  constructor(
    private readonly tx: TransactionService,
    private readonly cache: CatalogCacheService,
    private readonly admins: AdminAccountService,
  ) {}

  /**
   * A SKU's stock adjustments, newest first, with who made them. A deleted SKU's history stays
   * readable (the rows are the audit trail); an id that never was a SKU is a 404.
   */
  async adjustments(id: number, query: PageQueryDto): Promise<StockAdjustmentPage> {
    const em = this.tx.manager;
    if (!(await em.existsBy(SkuEntity, { id }))) throw Errors.SKU_NOT_FOUND(`SKU ${id} not found`);
    const [rows, total] = await em.findAndCount(StockAdjustmentEntity, {
      where: { skuId: id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const names = await this.admins.usernames(rows.flatMap((r) => (r.adminId === null ? [] : [r.adminId])));
    return {
      items: rows.map((r) => toStockAdjustmentRecord(r, names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async add(productId: number, dto: SkuInputDto): Promise<Sku> {
    const sku = await this.tx.run(async (em) => {
      const product = await em.findOneBy(ProductEntity, { id: productId, deletedAt: IsNull() });
      if (!product) throw Errors.PRODUCT_NOT_FOUND(`Product ${productId} not found`);
      const existing = await liveSkus(em, productId);
      if (existing.length >= CATALOG_LIMITS.skusMax) {
        throw Errors.CONFLICT(`A product has at most ${CATALOG_LIMITS.skusMax} SKUs`);
      }
      assertSkusFitAxes(product.specAxes, [dto], { single: true, existing });
      const saved = await em.save(
        em.create(SkuEntity, {
          productId,
          specs: { ...dto.specs },
          price: dto.price,
          originalPrice: dto.originalPrice ?? null,
          stock: dto.stock,
          code: dto.code ?? null,
          purchaseLimit: dto.purchaseLimit ?? null,
          deletedAt: null,
        }),
      );
      await refreshPrices(em, productId);
      return saved;
    });
    await this.cache.productsChanged([productId]);
    return toSku(sku);
  }

  async update(id: number, dto: UpdateSkuDto): Promise<Sku> {
    const sku = await this.tx.run(async (em) => {
      const { sku, product } = await findLive(em, id);
      if (dto.specs !== undefined) {
        const others = (await liveSkus(em, product.id)).filter((s) => s.id !== id);
        assertSkusFitAxes(product.specAxes, [{ specs: dto.specs }], { single: true, existing: others });
      }
      // Only the fields sent are written: a price edit must not overwrite stock that orders moved meanwhile.
      const patch: Partial<SkuEntity> = {};
      if (dto.specs !== undefined) patch.specs = { ...dto.specs };
      if (dto.price !== undefined) patch.price = dto.price;
      if (dto.originalPrice !== undefined) patch.originalPrice = dto.originalPrice;
      if (dto.stock !== undefined) patch.stock = dto.stock;
      if (dto.code !== undefined) patch.code = dto.code;
      if (dto.purchaseLimit !== undefined) patch.purchaseLimit = dto.purchaseLimit;
      if (Object.keys(patch).length > 0) await em.update(SkuEntity, { id }, patch);
      if (dto.price !== undefined || dto.originalPrice !== undefined) await refreshPrices(em, product.id);
      return em.findOneByOrFail(SkuEntity, { id: sku.id });
    });
    const listsToo = dto.price !== undefined || dto.originalPrice !== undefined;
    await this.cache.productsChanged([sku.productId], { listsToo });
    return toSku(sku);
  }

  async remove(id: number): Promise<void> {
    const productId = await this.tx.run(async (em) => {
      const { product } = await findLive(em, id);
      if ((await liveSkus(em, product.id)).length <= 1) {
        throw Errors.CONFLICT(
          'This is the product’s last SKU; take the product off the shelf or delete the product instead',
        );
      }
      await em.update(SkuEntity, { id }, { deletedAt: new Date() });
      await refreshPrices(em, product.id);
      return product.id;
    });
    await this.cache.productsChanged([productId]);
  }

  /**
   * One conditional statement, `stock = stock + delta WHERE stock + delta >= 0`, so a decrement
   * racing with order reservations can never take the stock below zero; the audit row records
   * the stock it produced.
   */
  async adjustStock(id: number, dto: StockAdjustmentDto, adminId: number): Promise<StockAdjustment> {
    const adjustment = await this.tx.run(async (em) => {
      const { sku } = await findLive(em, id);
      const result = await em
        .createQueryBuilder()
        .update(SkuEntity)
        .set({ stock: () => 'stock + :delta' })
        .where('id = :id AND deleted_at IS NULL AND stock + :delta >= 0 AND stock + :delta <= :max')
        .setParameters({ id, delta: dto.delta, max: CATALOG_LIMITS.stockMax })
        .execute();
      if (result.affected !== 1) {
        const current = (await em.findOneByOrFail(SkuEntity, { id })).stock;
        if (current + dto.delta < 0) {
          throw Errors.STOCK_WOULD_BE_NEGATIVE(
            `SKU ${id} has ${current} in stock; a change of ${dto.delta} would take it below zero`,
            { details: { skuId: id, stock: current } },
          );
        }
        throw Errors.CONFLICT(`Stock cannot exceed ${CATALOG_LIMITS.stockMax}`, {
          details: { skuId: id, stock: current },
        });
      }
      // Our UPDATE holds the row until commit, so this read is exactly the stock it produced.
      const after = (await em.findOneByOrFail(SkuEntity, { id })).stock;
      const saved = await em.save(
        em.create(StockAdjustmentEntity, {
          skuId: id,
          delta: dto.delta,
          stockAfter: after,
          reason: dto.reason,
          adminId,
          createdAt: new Date(),
        }),
      );
      return { saved, productId: sku.productId };
    });
    await this.cache.productsChanged([adjustment.productId], { listsToo: false });
    return toStockAdjustment(adjustment.saved);
  }
}

/** A SKU that is not deleted and whose product is not deleted either. */
async function findLive(em: EntityManager, id: number): Promise<{ sku: SkuEntity; product: ProductEntity }> {
  const sku = await em.findOneBy(SkuEntity, { id, deletedAt: IsNull() });
  const product = sku ? await em.findOneBy(ProductEntity, { id: sku.productId, deletedAt: IsNull() }) : null;
  if (!sku || !product) throw Errors.SKU_NOT_FOUND(`SKU ${id} not found`);
  return { sku, product };
}
