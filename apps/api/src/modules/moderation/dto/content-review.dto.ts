import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApproveContentReviewRequest, ContentReviewStatus, RejectContentReviewRequest } from '@sutwxapp/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SAFE_TEXT, safeTextMessage } from '../../../common/safe-text';

const STATUSES: ContentReviewStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

export class ContentReviewListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'default: every status' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: ContentReviewStatus;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(100_000, { message: 'page can be at most 100000' })
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be at least 1' })
  @Max(100, { message: 'pageSize can be at most 100' })
  pageSize?: number;
}

export class ApproveContentReviewDto implements ApproveContentReviewRequest {
  @ApiPropertyOptional({ example: '正常昵称', description: '1 to 200 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'reason must be 1 to 200 characters' })
  @Matches(SAFE_TEXT, { message: safeTextMessage('reason') })
  reason?: string;
}

export class RejectContentReviewDto implements RejectContentReviewRequest {
  @ApiProperty({ example: '含广告信息', description: 'why the text is refused; 1 to 200 characters' })
  @IsString({ message: 'reason is required (why the text is refused)' })
  @Length(1, 200, { message: 'reason must be 1 to 200 characters' })
  @Matches(SAFE_TEXT, { message: safeTextMessage('reason') })
  reason!: string;
}
