import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../../common/openapi/api-route.decorator';
import type { DailySalesReport, FunnelReport, TopKeywordsReport, TopProductsReport } from '@sutwxapp/contracts';
import { AdminOnly } from '../../auth/guards/auth.guard';
import { AnalyticsRangeDto, AnalyticsTopDto } from '../dto/analytics-query.dto';
import { AnalyticsService } from './analytics.service';

@ApiTags('admin')
@Controller('admin/analytics')
@AdminOnly()
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('funnel')
  @ApiRoute({ summary: 'Conversion funnel: viewed → added to cart → ordered → paid', ok: { 200: 'FunnelReport' } })
  funnel(@Query() query: AnalyticsRangeDto): Promise<FunnelReport> {
    return this.analytics.funnel(query);
  }

  @Get('top-products')
  @ApiRoute({ summary: 'Most viewed products in a range', ok: { 200: 'TopProductsReport' } })
  topProducts(@Query() query: AnalyticsTopDto): Promise<TopProductsReport> {
    return this.analytics.topProducts(query);
  }

  @Get('top-searches')
  @ApiRoute({ summary: 'Most searched keywords in a range', ok: { 200: 'TopKeywordsReport' } })
  topSearches(@Query() query: AnalyticsTopDto): Promise<TopKeywordsReport> {
    return this.analytics.topKeywords(query);
  }

  @Get('daily-sales')
  @ApiRoute({
    summary: 'Orders, paid orders, GMV, refunds and net per Beijing day',
    ok: { 200: 'DailySalesReport' },
  })
  dailySales(@Query() query: AnalyticsRangeDto): Promise<DailySalesReport> {
    return this.analytics.dailySales(query);
  }
}
