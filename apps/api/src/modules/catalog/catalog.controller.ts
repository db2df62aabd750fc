import { Controller, Get, Query, Req } from '@nestjs/common';
import type { CategoryNode, HomePage, ProductDetail, ProductPage } from '@sutwxapp/contracts';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { CatalogQueryService } from './catalog-query.service';
import { ProductListQueryDto } from './dto/product-query.dto';
import { ProductViews } from './product-views';

/** Public catalog reads, cached (CatalogQueryService). */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogQueryService,
    private readonly views: ProductViews,
  ) {}

  @Get('categories')
  @ApiRoute({ summary: 'Category tree: top-level categories with their children', ok: { 200: 'CategoryNode[]' } })
  categories(): Promise<CategoryNode[]> {
    return this.catalog.categoryTree();
  }

  @Get('home')
  @ApiRoute({ summary: 'First screen: banners, top categories, hot and newest products', ok: { 200: 'HomePage' } })
  home(): Promise<HomePage> {
    return this.catalog.home();
  }

  @Get('products')
  @ApiRoute({
    summary: 'On-shelf products by category, keyword and sort, a page at a time',
    ok: { 200: 'ProductPage' },
  })
  products(@Query() query: ProductListQueryDto): Promise<ProductPage> {
    return this.catalog.list(query);
  }

  @Get('products/:id')
  @ApiRoute({
    summary: 'One on-shelf product with its SKUs and spec axes',
    ok: { 200: 'ProductDetail' },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  product(@IdParam() id: number, @Req() request: FastifyRequest): Promise<ProductDetail> {
    // browsing history: a buffered note, written later (never a write on this cached path). The
    // header is read from @Req(), which Nest hands over as is: a custom param decorator would go
    // through the global pipe on every read (+13 promises a request, bench/NOTES.md, issue 17)
    const authorization = request.headers.authorization;
    this.views.note(typeof authorization === 'string' ? authorization : undefined, id);
    return this.catalog.detail(id);
  }
}
