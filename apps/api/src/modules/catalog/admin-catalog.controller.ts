import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type {
  AdminBanner,
  AdminBannerList,
  AdminProduct,
  AdminProductPage,
  BulkShelfResult,
  Category,
  CategoryNode,
  Sku,
  StockAdjustment,
  StockAdjustmentPage,
} from '@sutwxapp/contracts';
import { PageQueryDto } from '../../common/page-query.dto';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId } from '../auth/guards/auth.guard';
import { BannerAdminService } from './banner-admin.service';
import { CategoryAdminService } from './category-admin.service';
import { BulkShelfDto, CreateBannerDto, UpdateBannerDto } from './dto/admin-catalog.dto';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { AdminProductListQueryDto } from './dto/product-query.dto';
import { CreateProductDto, SkuInputDto, StockAdjustmentDto, UpdateProductDto, UpdateSkuDto } from './dto/product.dto';
import { ProductAdminService } from './product-admin.service';
import { SkuAdminService } from './sku-admin.service';

@ApiTags('admin: catalog')
@Controller('admin')
@AdminOnly()
export class AdminCatalogController {
  constructor(
    private readonly categories: CategoryAdminService,
    private readonly products: ProductAdminService,
    private readonly skus: SkuAdminService,
    private readonly banners: BannerAdminService,
  ) {}

  // ---- categories

  @Get('categories')
  @ApiRoute({ summary: 'Category tree (operators)', ok: { 200: 'CategoryNode[]' } })
  categoryTree(): Promise<CategoryNode[]> {
    return this.categories.tree();
  }

  @Post('categories')
  @ApiRoute({
    summary: 'Create a category (top level, or under a top-level one)',
    body: 'CreateCategoryRequest',
    ok: { 201: 'Category' },
    errors: { 400: ['CATEGORY_NOT_FOUND', 'CATEGORY_TOO_DEEP', 'MEDIA_NOT_USABLE'] },
  })
  createCategory(@Body() dto: CreateCategoryDto): Promise<Category> {
    return this.categories.create(dto);
  }

  @Patch('categories/:id')
  @ApiRoute({
    summary: 'Rename, move, re-icon or re-order a category',
    body: 'UpdateCategoryRequest',
    ok: { 200: 'Category' },
    errors: { 400: ['CATEGORY_NOT_FOUND', 'CATEGORY_TOO_DEEP', 'MEDIA_NOT_USABLE'], 404: ['CATEGORY_NOT_FOUND'] },
  })
  updateCategory(@IdParam() id: number, @Body() dto: UpdateCategoryDto): Promise<Category> {
    return this.categories.update(id, dto);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete an empty category',
    ok: { 204: null },
    errors: { 404: ['CATEGORY_NOT_FOUND'], 409: ['CATEGORY_NOT_EMPTY'] },
  })
  deleteCategory(@IdParam() id: number): Promise<void> {
    return this.categories.remove(id);
  }

  // ---- products

  @Get('products')
  @ApiRoute({
    summary: 'Products on and off the shelf, with stock totals; filter by stock, sort by price, sales, stock or update',
    ok: { 200: 'AdminProductPage' },
  })
  listProducts(@Query() query: AdminProductListQueryDto): Promise<AdminProductPage> {
    return this.products.list(query);
  }

  @Post('products')
  @ApiRoute({
    summary: 'Create a product with its spec axes and SKUs',
    body: 'CreateProductRequest',
    ok: { 201: 'AdminProduct' },
    errors: { 400: ['CATEGORY_NOT_FOUND', 'SKU_SPEC_MISMATCH', 'MEDIA_NOT_USABLE'] },
  })
  createProduct(@Body() dto: CreateProductDto): Promise<AdminProduct> {
    return this.products.create(dto);
  }

  @Post('products/bulk-shelf')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Put up to 100 products on or off the shelf; each id answers for itself, in the order sent',
    body: 'BulkShelfRequest',
    ok: { 200: 'BulkShelfResult' },
  })
  bulkShelf(@Body() dto: BulkShelfDto): Promise<BulkShelfResult> {
    return this.products.bulkShelf(dto);
  }

  @Get('products/:id')
  @ApiRoute({
    summary: 'One product, on or off the shelf',
    ok: { 200: 'AdminProduct' },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  getProduct(@IdParam() id: number): Promise<AdminProduct> {
    return this.products.get(id);
  }

  @Patch('products/:id')
  @ApiRoute({
    summary: 'Change a product (onShelf: false takes it off the shelf)',
    body: 'UpdateProductRequest',
    ok: { 200: 'AdminProduct' },
    errors: { 400: ['CATEGORY_NOT_FOUND', 'SKU_SPEC_MISMATCH', 'MEDIA_NOT_USABLE'], 404: ['PRODUCT_NOT_FOUND'] },
  })
  updateProduct(@IdParam() id: number, @Body() dto: UpdateProductDto): Promise<AdminProduct> {
    return this.products.update(id, dto);
  }

  @Delete('products/:id')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Delete a product (soft: orders keep it)',
    ok: { 204: null },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  deleteProduct(@IdParam() id: number): Promise<void> {
    return this.products.remove(id);
  }

  // ---- SKUs and stock

  @Post('products/:id/skus')
  @ApiRoute({
    summary: 'Add a SKU to a product',
    body: 'SkuInput',
    ok: { 201: 'Sku' },
    errors: { 400: ['SKU_SPEC_MISMATCH'], 404: ['PRODUCT_NOT_FOUND'], 409: ['CONFLICT'] },
  })
  addSku(@IdParam() productId: number, @Body() dto: SkuInputDto): Promise<Sku> {
    return this.skus.add(productId, dto);
  }

  @Patch('skus/:id')
  @ApiRoute({
    summary: 'Change a SKU: price, original price, stock, specs or code',
    body: 'UpdateSkuRequest',
    ok: { 200: 'Sku' },
    errors: { 400: ['SKU_SPEC_MISMATCH'], 404: ['SKU_NOT_FOUND'], 409: ['CONFLICT'] },
  })
  updateSku(@IdParam() id: number, @Body() dto: UpdateSkuDto): Promise<Sku> {
    return this.skus.update(id, dto);
  }

  @Delete('skus/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Delete a SKU', ok: { 204: null }, errors: { 404: ['SKU_NOT_FOUND'], 409: ['CONFLICT'] } })
  deleteSku(@IdParam() id: number): Promise<void> {
    return this.skus.remove(id);
  }

  @Post('skus/:id/stock-adjustments')
  @ApiRoute({
    summary: "Change a SKU's stock by a relative amount (never below zero), audited",
    body: 'StockAdjustmentRequest',
    ok: { 201: 'StockAdjustment' },
    errors: { 404: ['SKU_NOT_FOUND'], 409: ['STOCK_WOULD_BE_NEGATIVE', 'CONFLICT'] },
  })
  adjustStock(
    @IdParam() id: number,
    @Body() dto: StockAdjustmentDto,
    @CurrentUserId() adminId: number,
  ): Promise<StockAdjustment> {
    return this.skus.adjustStock(id, dto, adminId);
  }

  @Get('skus/:id/stock-adjustments')
  @ApiRoute({
    summary: "A SKU's stock adjustments, newest first, with the operator who made each",
    ok: { 200: 'StockAdjustmentPage' },
    errors: { 404: ['SKU_NOT_FOUND'] },
  })
  stockAdjustments(@IdParam() id: number, @Query() query: PageQueryDto): Promise<StockAdjustmentPage> {
    return this.skus.adjustments(id, query);
  }

  // ---- home-page banners

  @Get('banners')
  @ApiRoute({ summary: 'All home-page banners, shown or not, in display order', ok: { 200: 'AdminBannerList' } })
  listBanners(): Promise<AdminBannerList> {
    return this.banners.list();
  }

  @Post('banners')
  @ApiRoute({
    summary: 'Add a home-page banner (shoppers see it on their next home read)',
    body: 'CreateBannerRequest',
    ok: { 201: 'AdminBanner' },
    errors: { 400: ['MEDIA_NOT_USABLE'] },
  })
  createBanner(@Body() dto: CreateBannerDto): Promise<AdminBanner> {
    return this.banners.create(dto);
  }

  @Patch('banners/:id')
  @ApiRoute({
    summary: 'Change a banner: title, image, link, order or whether it shows',
    body: 'UpdateBannerRequest',
    ok: { 200: 'AdminBanner' },
    errors: { 400: ['MEDIA_NOT_USABLE'], 404: ['BANNER_NOT_FOUND'] },
  })
  updateBanner(@IdParam() id: number, @Body() dto: UpdateBannerDto): Promise<AdminBanner> {
    return this.banners.update(id, dto);
  }

  @Delete('banners/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Delete a banner', ok: { 204: null }, errors: { 404: ['BANNER_NOT_FOUND'] } })
  deleteBanner(@IdParam() id: number): Promise<void> {
    return this.banners.remove(id);
  }
}
