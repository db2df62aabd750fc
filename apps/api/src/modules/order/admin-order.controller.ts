import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminOrder, AdminOrderPage } from '@sutwxapp/contracts';
import { ApiFileRoute, ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly } from '../auth/guards/auth.guard';
import { AdminOrderQueryService } from './admin-order-query.service';
import { AdminOrderFilterDto, AdminOrderListQueryDto } from './dto/admin-order.dto';

@ApiTags('admin')
@Controller('admin/orders')
@AdminOnly()
export class AdminOrderController {
  constructor(private readonly orders: AdminOrderQueryService) {}

  @Get()
  @ApiRoute({
    summary: 'All orders: filtered by status, Beijing days, order number, receiver phone and product; sorted, paged',
    ok: { 200: 'AdminOrderPage' },
  })
  list(@Query() query: AdminOrderListQueryDto): Promise<AdminOrderPage> {
    return this.orders.list(query);
  }

  // declared before `:id`; the router prefers the static path anyway
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="orders.csv"')
  @ApiFileRoute({
    summary: 'The filtered list as CSV (UTF-8 with BOM, amounts in yuan, times in Beijing time)',
    description:
      'Same filters and order as GET /admin/orders, every page. At most ORDER_EXPORT_MAX_ROWS rows ' +
      '(10000 by default): more is refused with EXPORT_TOO_LARGE and the counts, before any row is read.',
    mediaType: 'text/csv',
    errors: { 400: ['EXPORT_TOO_LARGE'] },
  })
  exportCsv(@Query() query: AdminOrderFilterDto): Promise<Buffer> {
    return this.orders.exportCsv(query);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'Any order, with the facts of its timeline',
    ok: { 200: 'AdminOrder' },
    errors: { 404: ['ORDER_NOT_FOUND'] },
  })
  get(@IdParam() id: number): Promise<AdminOrder> {
    return this.orders.get(id);
  }
}
