import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApproveContentReviewRequest, ContentReviewStatus, RejectContentReviewRequest } from '@sutwxapp/contracts';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { QueuePageQueryDto } from '../../../common/page-query.dto';
import { SAFE_TEXT, safeTextMessage } from '../../../common/safe-text';

const STATUSES: ContentReviewStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

export class ContentReviewListQueryDto extends QueuePageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'default: every status' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: ContentReviewStatus;
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
