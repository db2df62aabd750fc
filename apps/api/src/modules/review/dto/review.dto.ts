import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AdminReviewSort,
  type CreateReviewRequest,
  type FollowUpReviewRequest,
  type ModerateReviewRequest,
  REVIEW_FILTERS,
  REVIEW_LIMITS,
  type ReplyReviewRequest,
  type ReviewFilter,
  type ReviewStatus,
} from '@sutwxapp/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsRowId } from '../../../common/parse-id.pipe';
import { IntRange } from '../../../common/validation-rules';

/** Like SAFE_TEXT but a review may have line breaks: no other control or text-direction characters. */
// eslint-disable-next-line no-control-regex -- the control characters are what it refuses
const REVIEW_TEXT = /^(?!\s*$)[^\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+$/u;
const textMessage = (field: string) => `${field} must not be blank or contain control or text-direction characters`;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Trimmed text of 1 to `max` characters (contents, replies, moderation reasons). */
const ReviewText = (field: string, max: number): PropertyDecorator =>
  // bottom first, as stacked decorators are applied: the order class-validator reports rules in
  applyDecorators(
    Matches(REVIEW_TEXT, { message: textMessage(field) }),
    Length(1, max, { message: `${field} must be 1 to ${max} characters` }),
    IsString({ message: `${field} must be text` }),
    Transform(trim),
    ApiProperty({ maxLength: max }),
  );

class ReviewTextDto {
  @ReviewText('content', REVIEW_LIMITS.contentMaxLength)
  content!: string;

  @ApiPropertyOptional({ type: [String], maxItems: REVIEW_LIMITS.maxImages })
  @IsOptional()
  @IsArray({ message: 'images must be a list of image refs' })
  @ArrayMaxSize(REVIEW_LIMITS.maxImages, { message: `at most ${REVIEW_LIMITS.maxImages} images` })
  @IsString({ each: true, message: 'each image must be a ref such as media:12' })
  @MaxLength(200, { each: true, message: 'each image ref must be at most 200 characters' })
  images?: string[];
}

export class CreateReviewDto extends ReviewTextDto implements CreateReviewRequest {
  @ApiProperty()
  @IsRowId('orderItemId')
  orderItemId!: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IntRange(1, 5, 'rating must be a whole number of stars from 1 to 5')
  rating!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'anonymous must be true or false' })
  anonymous?: boolean;
}

export class FollowUpReviewDto extends ReviewTextDto implements FollowUpReviewRequest {}

export class ReviewListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(REVIEW_FILTERS, { message: `filter must be one of: ${REVIEW_FILTERS.join(', ')}` })
  filter: ReviewFilter = 'all';
}

const STATUSES: ReviewStatus[] = ['PENDING', 'HELD', 'PUBLISHED', 'HIDDEN', 'REJECTED'];
const ADMIN_REVIEW_SORTS: AdminReviewSort[] = ['newest', 'oldest', 'rating_asc', 'rating_desc'];

export class AdminReviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsRowId('productId')
  productId?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IntRange(1, 5, 'rating must be 1 to 5')
  rating?: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: ReviewStatus;

  @ApiPropertyOptional({ description: 'written at or after (ISO date-time)', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO date-time, e.g. 2026-12-01T00:00:00Z' })
  from?: string;

  @ApiPropertyOptional({ description: 'written before (ISO date-time)', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO date-time, e.g. 2026-12-31T00:00:00Z' })
  to?: string;

  @ApiPropertyOptional({ description: 'only reviews with (true) or without (false) images' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'hasImages must be true or false' })
  hasImages?: boolean;

  @ApiPropertyOptional({ enum: ADMIN_REVIEW_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(ADMIN_REVIEW_SORTS, { message: `sort must be one of: ${ADMIN_REVIEW_SORTS.join(', ')}` })
  sort?: AdminReviewSort;
}

export class AdminRatingQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsRowId('productId')
  productId?: number;
}

export class ModerateReviewDto implements ModerateReviewRequest {
  @ReviewText('reason', REVIEW_LIMITS.reasonMaxLength)
  reason!: string;
}

export class ReplyReviewDto implements ReplyReviewRequest {
  @ReviewText('content', REVIEW_LIMITS.replyMaxLength)
  content!: string;
}
