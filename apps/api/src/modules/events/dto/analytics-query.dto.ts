import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AnalyticsRangeQuery, AnalyticsTopQuery } from '@sutwxapp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, MaxLength, Min } from 'class-validator';

export class AnalyticsRangeDto implements AnalyticsRangeQuery {
  @ApiPropertyOptional({ description: 'inclusive; a date (Beijing midnight) or date-time', example: '2025-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'exclusive; default now', example: '2025-01-08' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  @MaxLength(40)
  to?: string;
}

export class AnalyticsTopDto extends AnalyticsRangeDto implements AnalyticsTopQuery {
  @ApiPropertyOptional({ default: 10, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit can be at most 100' })
  limit?: number;
}
