import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { CatalogQueryService } from './catalog-query.service';
import { ProductListQueryDto } from './dto/product-query.dto';
import { OptionalAuthorization, ProductViews } from './product-views';

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Public catalog reads. The service answers prepared JSON bodies as bytes (cache hits are the
 * stored bytes), so each route declares the content type itself and nothing re-serialises or
 * re-encodes them.
 */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogQueryService,
    private readonly views: ProductViews,
  ) {}

  @Get('categories')
  @Header('content-type', JSON_UTF8)
  @ApiRoute({ summary: 'Category tree: top-level categories with their children', ok: { 200: 'CategoryNode[]' } })
  categories(): Promise<Buffer> {
    return this.catalog.categoryTree();
  }

  @Get('home')
  @Header('content-type', JSON_UTF8)
  @ApiRoute({ summary: 'First screen: banners, top categories, hot and newest products', ok: { 200: 'HomePage' } })
  home(): Promise<Buffer> {
    return this.catalog.home();
  }

  @Get('products')
  @Header('content-type', JSON_UTF8)
  @ApiRoute({
    summary: 'On-shelf products by category, keyword and sort, a page at a time',
    ok: { 200: 'ProductPage' },
  })
  products(@Query() query: ProductListQueryDto): Promise<Buffer> {
    return this.catalog.list(query);
  }

  @Get('products/:id')
  @Header('content-type', JSON_UTF8)
  @ApiRoute({
    summary: 'One on-shelf product with its SKUs and spec axes',
    ok: { 200: 'ProductDetail' },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  product(@IdParam() id: number, @OptionalAuthorization() authorization: string | undefined): Promise<Buffer> {
    // browsing history: a buffered note, written later (never a write on this cached path)
    this.views.note(authorization, id);
    return this.catalog.detail(id);
  }
}
