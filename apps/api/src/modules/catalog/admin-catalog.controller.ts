import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminProduct, AdminProductPage, Category, CategoryNode, Sku, StockAdjustment } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId } from '../auth/guards/auth.guard';
import { CategoryAdminService } from './category-admin.service';
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
  ) {}

  // ---- categories

  @Get('categories')
  categoryTree(): Promise<CategoryNode[]> {
    return this.categories.tree();
  }

  @Post('categories')
  createCategory(@Body() dto: CreateCategoryDto): Promise<Category> {
    return this.categories.create(dto);
  }

  @Patch('categories/:id')
  updateCategory(@IdParam() id: number, @Body() dto: UpdateCategoryDto): Promise<Category> {
    return this.categories.update(id, dto);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  deleteCategory(@IdParam() id: number): Promise<void> {
    return this.categories.remove(id);
  }

  // ---- products

  @Get('products')
  listProducts(@Query() query: AdminProductListQueryDto): Promise<AdminProductPage> {
    return this.products.list(query);
  }

  @Post('products')
  createProduct(@Body() dto: CreateProductDto): Promise<AdminProduct> {
    return this.products.create(dto);
  }

  @Get('products/:id')
  getProduct(@IdParam() id: number): Promise<AdminProduct> {
    return this.products.get(id);
  }

  @Patch('products/:id')
  updateProduct(@IdParam() id: number, @Body() dto: UpdateProductDto): Promise<AdminProduct> {
    return this.products.update(id, dto);
  }

  @Delete('products/:id')
  @HttpCode(204)
  deleteProduct(@IdParam() id: number): Promise<void> {
    return this.products.remove(id);
  }

  // ---- SKUs and stock

  @Post('products/:id/skus')
  addSku(@IdParam() productId: number, @Body() dto: SkuInputDto): Promise<Sku> {
    return this.skus.add(productId, dto);
  }

  @Patch('skus/:id')
  updateSku(@IdParam() id: number, @Body() dto: UpdateSkuDto): Promise<Sku> {
    return this.skus.update(id, dto);
  }

  @Delete('skus/:id')
  @HttpCode(204)
  deleteSku(@IdParam() id: number): Promise<void> {
    return this.skus.remove(id);
  }

  @Post('skus/:id/stock-adjustments')
  adjustStock(
    @IdParam() id: number,
    @Body() dto: StockAdjustmentDto,
    @CurrentUserId() adminId: number,
  ): Promise<StockAdjustment> {
    return this.skus.adjustStock(id, dto, adminId);
  }
}
