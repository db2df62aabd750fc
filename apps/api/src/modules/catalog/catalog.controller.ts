import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/parse-id.pipe';
import { CatalogQueryService } from './catalog-query.service';
import { ProductListQueryDto } from './dto/product-query.dto';
import { ApiQueryFromDto, ListQuery } from './list-query.decorator';

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Public catalog reads. The service answers prepared JSON bodies as bytes (cache hits are the
 * stored bytes), so each route declares the content type itself and nothing re-serialises or
 * re-encodes them.
 */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogQueryService) {}

  @Get('categories')
  @Header('content-type', JSON_UTF8)
  @ApiOkResponse({ description: 'CategoryNode[]: top-level categories with their children' })
  categories(): Promise<Buffer> {
    return this.catalog.categoryTree();
  }

  @Get('home')
  @Header('content-type', JSON_UTF8)
  @ApiOkResponse({ description: 'HomePage: banners, top categories, hot and newest products' })
  home(): Promise<Buffer> {
    return this.catalog.home();
  }

  @Get('products')
  @Header('content-type', JSON_UTF8)
  @ApiQueryFromDto(ProductListQueryDto)
  @ApiOkResponse({ description: 'ProductPage: {items, total, page, pageSize}' })
  products(@ListQuery() query: ProductListQueryDto): Promise<Buffer> {
    return this.catalog.list(query);
  }

  @Get('products/:id')
  @Header('content-type', JSON_UTF8)
  @ApiOkResponse({ description: 'ProductDetail with SKUs and spec axes' })
  product(@IdParam() id: number): Promise<Buffer> {
    return this.catalog.detail(id);
  }
}
