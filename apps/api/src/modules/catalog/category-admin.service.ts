import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Category, type CategoryNode } from '@sutwxapp/contracts';
import { Repository } from 'typeorm';
import { AppError, Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isForeignKeyViolation } from '../../database/db-errors';
import { TransactionService } from '../../database/transaction.service';
import { MediaService } from '../media/media.service';
import { CatalogCacheService } from './catalog-cache.service';
import { toCategory, toCategoryTree, toStoredUrl } from './catalog.mapper';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { CategoryEntity } from './entities/category.entity';
import { ProductEntity } from './entities/product.entity';
import { reindexCategories } from './search/search-index';

/** The two-level category tree, as operators edit it. */
@Injectable()
export class CategoryAdminService {
  constructor(
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>,
    private readonly cache: CatalogCacheService,
    private readonly tx: TransactionService,
    private readonly media: MediaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tree(): Promise<CategoryNode[]> {
    return toCategoryTree(await this.categories.find(), this.config);
  }

  async create(dto: CreateCategoryDto): Promise<Category> {
    const parentId = dto.parentId ?? null;
    if (parentId !== null) await this.assertUsableParent(parentId);
    // the icon may be an uploaded image: claimed in the same transaction as the row that uses it
    const saved = await this.tx.run(async (em) =>
      em.save(
        em.create(CategoryEntity, {
          name: dto.name,
          parentId,
          icon: dto.icon ? (await this.media.claimForCatalog(em, [toStoredUrl(dto.icon, this.config)]))[0] : null,
          sortOrder: dto.sortOrder ?? 0,
        }),
      ),
    );
    await this.cache.catalogChanged();
    return toCategory(saved, this.config);
  }

  async update(id: number, dto: UpdateCategoryDto): Promise<Category> {
    const category = await this.get(id);
    if (dto.parentId !== undefined && dto.parentId !== category.parentId) {
      if (dto.parentId !== null) {
        if (dto.parentId === id) throw tooDeep('a category cannot be its own parent');
        await this.assertUsableParent(dto.parentId);
        // Moving a category under another would push its own children to a third level.
        if (await this.categories.existsBy({ parentId: id })) {
          throw tooDeep(`category ${id} has subcategories, so it must stay top-level`);
        }
      }
      category.parentId = dto.parentId;
    }
    if (dto.name !== undefined) category.name = dto.name;
    if (dto.sortOrder !== undefined) category.sortOrder = dto.sortOrder;
    const saved = await this.tx.run(async (em) => {
      if (dto.icon !== undefined) {
        category.icon = dto.icon
          ? (await this.media.claimForCatalog(em, [toStoredUrl(dto.icon, this.config)]))[0]
          : null;
      }
      const result = await em.save(category);
      // products are found by their category's name (and their parent category's)
      if (dto.name !== undefined || dto.parentId !== undefined) await reindexCategories(em, [id]);
      return result;
    });
    await this.cache.catalogChanged();
    return toCategory(saved, this.config);
  }

  async remove(id: number): Promise<void> {
    await this.get(id);
    if (await this.categories.existsBy({ parentId: id })) {
      throw Errors.CATEGORY_NOT_EMPTY(`Category ${id} still has subcategories; move or delete them first`);
    }
    // Deleted products count too: they stay (orders keep pointing at them) and still reference the category.
    const products = await this.products.countBy({ categoryId: id });
    if (products > 0) {
      throw Errors.CATEGORY_NOT_EMPTY(
        `Category ${id} still holds ${products} product(s) (deleted ones are kept for order history); move them first`,
      );
    }
    try {
      await this.categories.delete({ id });
    } catch (err) {
      // A product or subcategory added since the checks above: the foreign key refuses, we explain.
      if (isForeignKeyViolation(err)) {
        throw Errors.CATEGORY_NOT_EMPTY(`Category ${id} is no longer empty; try again`);
      }
      throw err;
    }
    await this.cache.catalogChanged();
  }

  private async get(id: number): Promise<CategoryEntity> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw Errors.CATEGORY_NOT_FOUND(`Category ${id} not found`);
    return category;
  }

  /** Two levels at most: a parent must exist and be top-level itself. */
  private async assertUsableParent(parentId: number): Promise<void> {
    const parent = await this.categories.findOneBy({ id: parentId });
    if (!parent) {
      const message = `parent category ${parentId} does not exist`;
      throw Errors.CATEGORY_NOT_FOUND(message, { status: 400, errors: [{ field: 'parentId', message }] });
    }
    if (parent.parentId !== null) {
      throw tooDeep(`category ${parentId} is already a subcategory; categories have two levels`);
    }
  }
}

const tooDeep = (message: string): AppError =>
  Errors.CATEGORY_TOO_DEEP(message, { errors: [{ field: 'parentId', message }] });
