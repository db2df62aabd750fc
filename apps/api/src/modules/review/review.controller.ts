import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyReview, PendingReviews, ProductReviewOverview, ReviewPage } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { CreateReviewDto, FollowUpReviewDto, ReviewListQueryDto } from './dto/review.dto';
import { ReviewQueryService } from './review-query.service';
import { ReviewService } from './review.service';

@ApiTags('reviews')
@Controller('reviews')
@ShopperOnly()
export class ReviewController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly query: ReviewQueryService,
  ) {}

  @Get('pending')
  @ApiRoute({
    summary: 'Items of completed orders still to review (and reviews that can take a follow-up): the "to review" lists',
    ok: { 200: 'PendingReviews' },
  })
  pending(@CurrentUserId() userId: number): Promise<PendingReviews> {
    return this.query.pending(userId);
  }

  @Post()
  @ApiRoute({
    summary:
      'Review an item of a completed order (once, within REVIEW_WINDOW_DAYS): text and photos pass WeChat content security; public once cleared',
    body: 'CreateReviewRequest',
    ok: { 201: 'MyReview' },
    errors: {
      400: ['MEDIA_NOT_USABLE'],
      404: ['ORDER_ITEM_NOT_FOUND'],
      409: ['REVIEW_ORDER_NOT_COMPLETED', 'REVIEW_ALREADY_EXISTS', 'REVIEW_WINDOW_CLOSED'],
      422: ['CONTENT_RISKY'],
    },
  })
  create(@CurrentUserId() userId: number, @Body() dto: CreateReviewDto): Promise<MyReview> {
    return this.reviews.create(userId, dto);
  }

  @Post(':id/follow-up')
  @ApiRoute({
    summary: 'Add the one follow-up to your review (within REVIEW_FOLLOW_UP_DAYS)',
    body: 'FollowUpReviewRequest',
    ok: { 201: 'MyReview' },
    errors: {
      400: ['MEDIA_NOT_USABLE'],
      404: ['REVIEW_NOT_FOUND'],
      409: ['REVIEW_ALREADY_EXISTS', 'REVIEW_WINDOW_CLOSED'],
      422: ['CONTENT_RISKY'],
    },
  })
  followUp(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: FollowUpReviewDto): Promise<MyReview> {
    return this.reviews.followUp(userId, id, dto);
  }
}

@ApiTags('reviews')
@Controller('catalog/products/:id/reviews')
export class ProductReviewsController {
  constructor(private readonly query: ReviewQueryService) {}

  @Get('overview')
  @ApiRoute({
    summary: "A product's rating summary and first public reviews (cached with the product)",
    ok: { 200: 'ProductReviewOverview' },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  overview(@IdParam() id: number): Promise<ProductReviewOverview> {
    return this.query.overview(id);
  }

  @Get()
  @ApiRoute({
    summary: "A product's public reviews, newest first: all, with photos, good (4–5), medium (3) or bad (1–2)",
    ok: { 200: 'ReviewPage' },
    errors: { 404: ['PRODUCT_NOT_FOUND'] },
  })
  list(@IdParam() id: number, @Query() query: ReviewListQueryDto): Promise<ReviewPage> {
    return this.query.list(id, query);
  }
}
