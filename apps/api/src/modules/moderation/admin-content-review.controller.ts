import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ContentReview, ContentReviewPage } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId } from '../auth/guards/auth.guard';
import { ApproveContentReviewDto, ContentReviewListQueryDto, RejectContentReviewDto } from './dto/content-review.dto';
import { ModerationService } from './moderation.service';

/** The operator's content review queue; decisions are audited like every admin write (AdminOnly). */
@ApiTags('admin')
@Controller('admin/content-reviews')
@AdminOnly()
export class AdminContentReviewController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  @ApiRoute({
    summary: 'Shopper text held for review (WeChat msg_sec_check said `review`); PENDING oldest first',
    ok: { 200: 'ContentReviewPage' },
  })
  list(@Query() q: ContentReviewListQueryDto): Promise<ContentReviewPage> {
    return this.moderation.list(q.status, q.page ?? 1, q.pageSize ?? 20);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Approve: the held text becomes the public value (repeating it answers the same review)',
    body: 'ApproveContentReviewRequest',
    ok: { 200: 'ContentReview' },
    errors: { 404: ['NOT_FOUND'], 409: ['CONTENT_REVIEW_DECIDED'] },
  })
  approve(
    @IdParam() id: number,
    @CurrentUserId() operatorId: number,
    @Body() dto: ApproveContentReviewDto,
  ): Promise<ContentReview> {
    return this.moderation.decide(id, operatorId, 'APPROVED', dto.reason ?? null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Reject with a reason: the held text is dropped, the public value stays',
    body: 'RejectContentReviewRequest',
    ok: { 200: 'ContentReview' },
    errors: { 404: ['NOT_FOUND'], 409: ['CONTENT_REVIEW_DECIDED'] },
  })
  reject(
    @IdParam() id: number,
    @CurrentUserId() operatorId: number,
    @Body() dto: RejectContentReviewDto,
  ): Promise<ContentReview> {
    return this.moderation.decide(id, operatorId, 'REJECTED', dto.reason);
  }
}
