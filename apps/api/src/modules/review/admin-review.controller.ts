import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminProductRatingPage, AdminReview, AdminReviewPage } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly } from '../auth/guards/auth.guard';
import { AdminRatingQueryDto, AdminReviewQueryDto, ModerateReviewDto, ReplyReviewDto } from './dto/review.dto';
import { ReviewAdminService } from './review-admin.service';

@ApiTags('admin')
@Controller('admin/reviews')
@AdminOnly()
export class AdminReviewController {
  constructor(private readonly reviews: ReviewAdminService) {}

  @Get()
  @ApiRoute({
    summary: 'Reviews and follow-ups, newest first, by product, rating, status and date',
    ok: { 200: 'AdminReviewPage' },
  })
  list(@Query() query: AdminReviewQueryDto): Promise<AdminReviewPage> {
    return this.reviews.list(query);
  }

  @Get('ratings')
  @ApiRoute({ summary: "Products' rating summaries (public reviews only)", ok: { 200: 'AdminProductRatingPage' } })
  ratings(@Query() query: AdminRatingQueryDto): Promise<AdminProductRatingPage> {
    return this.reviews.ratings(query);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One review with its follow-up',
    ok: { 200: 'AdminReview' },
    errors: { 404: ['REVIEW_NOT_FOUND'] },
  })
  get(@IdParam() id: number): Promise<AdminReview> {
    return this.reviews.get(id);
  }

  @Post(':id/hide')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Hide a review from shoppers, with a reason (audited); it leaves the summary',
    body: 'ModerateReviewRequest',
    ok: { 200: 'AdminReview' },
    errors: { 404: ['REVIEW_NOT_FOUND'], 409: ['REVIEW_STATE_CONFLICT'] },
  })
  hide(@IdParam() id: number, @Body() dto: ModerateReviewDto): Promise<AdminReview> {
    return this.reviews.hide(id, dto.reason);
  }

  @Post(':id/show')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Show a hidden review again, or clear a held one, with a reason (audited)',
    body: 'ModerateReviewRequest',
    ok: { 200: 'AdminReview' },
    errors: { 404: ['REVIEW_NOT_FOUND'], 409: ['REVIEW_STATE_CONFLICT'] },
  })
  show(@IdParam() id: number, @Body() dto: ModerateReviewDto): Promise<AdminReview> {
    return this.reviews.show(id, dto.reason);
  }

  @Post(':id/reply')
  @HttpCode(200)
  @ApiRoute({
    summary: "The merchant's one reply, shown under the review",
    body: 'ReplyReviewRequest',
    ok: { 200: 'AdminReview' },
    errors: { 404: ['REVIEW_NOT_FOUND'], 409: ['REVIEW_ALREADY_REPLIED'] },
  })
  reply(@IdParam() id: number, @Body() dto: ReplyReviewDto): Promise<AdminReview> {
    return this.reviews.reply(id, dto.content);
  }
}
