import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMIN_PRODUCT_SORTS,
  ADMIN_PRODUCT_STOCK_FILTERS,
  type AdminProductListQuery,
  type AdminProductSort,
  type AdminProductStockFilter,
  CATALOG_LIMITS,
  LOW_STOCK_THRESHOLD,
  PRODUCT_SORTS,
  type ProductListQuery,
  type ProductSort,
} from '@sutwxapp/contracts';
import { Transform, Type } from 'class-transformer';
import { PageQueryDto } from '../../../common/page-query.dto';
import { ValidatedOnce } from '../../../common/validation';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

class CatalogPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'includes the direct children of a top-level category' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'categoryId must be a positive integer id' })
  @Min(1, { message: 'categoryId must be a positive integer id' })
  categoryId?: number;

  @ApiPropertyOptional({
    description:
      'words to search for (Chinese is segmented, spaces optional): every word must match the title, category or description, or the start of one of their words',
    maxLength: CATALOG_LIMITS.keywordMaxLength,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'keyword must be one string' })
  @MaxLength(CATALOG_LIMITS.keywordMaxLength, {
    message: `keyword must be at most ${CATALOG_LIMITS.keywordMaxLength} characters`,
  })
  keyword?: string;
}

/** The shoppers' list query: validated once per distinct query (cached list reads). */
@ValidatedOnce()
export class ProductListQueryDto extends CatalogPageQueryDto implements ProductListQuery {
  @ApiPropertyOptional({
    enum: PRODUCT_SORTS,
    description: 'default: newest; with a keyword, by relevance (title over category over description, then sales)',
  })
  @IsOptional()
  @IsIn(PRODUCT_SORTS, { message: `sort must be one of: ${PRODUCT_SORTS.join(', ')}` })
  sort?: ProductSort;
}

export class AdminProductListQueryDto extends CatalogPageQueryDto implements AdminProductListQuery {
  @ApiPropertyOptional({ description: 'only on-shelf (true) or off-shelf (false) products' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'onShelf must be true or false' })
  onShelf?: boolean;

  @ApiPropertyOptional({
    enum: ADMIN_PRODUCT_STOCK_FILTERS,
    description: `out: no stock left over its SKUs; in_stock: some; low: some, and a SKU at or below ${LOW_STOCK_THRESHOLD}`,
  })
  @IsOptional()
  @IsIn(ADMIN_PRODUCT_STOCK_FILTERS, {
    message: `stock 须为以下之一：${ADMIN_PRODUCT_STOCK_FILTERS.join(', ')}（有货 / 库存紧张 / 售罄）`,
  })
  stock?: AdminProductStockFilter;

  @ApiPropertyOptional({
    enum: ADMIN_PRODUCT_SORTS,
    description: 'default: newest; with a keyword and no sort, by relevance',
  })
  @IsOptional()
  @IsIn(ADMIN_PRODUCT_SORTS, { message: `sort 须为以下之一：${ADMIN_PRODUCT_SORTS.join(', ')}` })
  sort?: AdminProductSort;
}
