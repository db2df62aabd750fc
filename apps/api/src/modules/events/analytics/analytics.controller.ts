import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  funnel(@Query() query: AnalyticsRangeDto): Promise<FunnelReport> {
    return this.analytics.funnel(query);
  }

  @Get('top-products')
  topProducts(@Query() query: AnalyticsTopDto): Promise<TopProductsReport> {
    return this.analytics.topProducts(query);
  }

  @Get('top-searches')
  topSearches(@Query() query: AnalyticsTopDto): Promise<TopKeywordsReport> {
    return this.analytics.topKeywords(query);
  }

  @Get('daily-sales')
  dailySales(@Query() query: AnalyticsRangeDto): Promise<DailySalesReport> {
    return this.analytics.dailySales(query);
  }
}
