import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AdminCouponTemplatePage,
  CheckinResult,
  CheckinStatus,
  CouponOfferList,
  CouponTemplate,
  PointsSummary,
  UserCoupon,
  UserCouponList,
} from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { CouponService } from './coupon.service';
import { CouponTemplatesService } from './coupon-templates.service';
import {
  AdminCouponListQueryDto,
  CouponOfferQueryDto,
  CouponTemplateDto,
  CouponTemplateUpdateDto,
  UserCouponQueryDto,
} from './dto/promotion.dto';
import { PointsService } from './points.service';

@ApiTags('promotions')
@Controller()
@ShopperOnly()
export class PromotionController {
  constructor(
    private readonly coupons: CouponService,
    private readonly points: PointsService,
  ) {}

  @Get('coupons')
  @ApiRoute({
    summary: 'The coupon centre (or, with productId, the coupons usable on one product: 领券)',
    ok: { 200: 'CouponOfferList' },
  })
  async offers(@CurrentUserId() userId: number, @Query() query: CouponOfferQueryDto): Promise<CouponOfferList> {
    return { items: await this.coupons.offers(userId, query.productId) };
  }

  @Post('coupons/:id/claim')
  @ApiRoute({
    summary: 'Claim one coupon of a template (atomic: total quantity and per-shopper limit hold)',
    ok: { 201: 'UserCoupon' },
    errors: {
      404: ['COUPON_NOT_FOUND'],
      409: ['COUPON_SOLD_OUT', 'COUPON_LIMIT_REACHED', 'COUPON_NOT_ISSUING'],
    },
  })
  claim(@CurrentUserId() userId: number, @IdParam() id: number): Promise<UserCoupon> {
    return this.coupons.claim(userId, id);
  }

  @Get('coupons/mine')
  @ApiRoute({ summary: "The shopper's coupons: usable, used or expired", ok: { 200: 'UserCouponList' } })
  async mine(@CurrentUserId() userId: number, @Query() query: UserCouponQueryDto): Promise<UserCouponList> {
    return { items: await this.coupons.mine(userId, query) };
  }

  @Get('points')
  @ApiRoute({
    summary: 'Points balance, the checkout value of a point, and the latest ledger rows',
    ok: { 200: 'PointsSummary' },
  })
  summary(@CurrentUserId() userId: number): Promise<PointsSummary> {
    return this.points.summary(userId);
  }

  @Get('checkin')
  @ApiRoute({ summary: "Today's check-in state, the streak and the reward table", ok: { 200: 'CheckinStatus' } })
  checkinStatus(@CurrentUserId() userId: number): Promise<CheckinStatus> {
    return this.points.checkinStatus(userId);
  }

  @Post('checkin')
  @ApiRoute({
    summary: 'Check in for today (Beijing day): streak points; once a day',
    ok: { 201: 'CheckinResult' },
    errors: { 409: ['ALREADY_CHECKED_IN'] },
  })
  checkin(@CurrentUserId() userId: number): Promise<CheckinResult> {
    return this.points.checkin(userId);
  }
}

@ApiTags('admin')
@Controller('admin/coupons')
@AdminOnly()
export class AdminCouponController {
  constructor(private readonly templates: CouponTemplatesService) {}

  @Get()
  @ApiRoute({
    summary: 'Coupon templates, newest first, with usage (claimed, used, locked by unpaid orders)',
    ok: { 200: 'AdminCouponTemplatePage' },
  })
  list(@Query() query: AdminCouponListQueryDto): Promise<AdminCouponTemplatePage> {
    return this.templates.page(query);
  }

  @Post()
  @ApiRoute({
    summary: 'Create a coupon template (满减, percentage with cap, no-threshold)',
    body: 'CouponTemplateInput',
    ok: { 201: 'CouponTemplate' },
  })
  create(@Body() dto: CouponTemplateDto): Promise<CouponTemplate> {
    return this.templates.create(dto);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Change a template: start/stop issuing, name, quantity, limit; rules only before the first claim',
    body: 'CouponTemplateUpdate',
    ok: { 200: 'CouponTemplate' },
    errors: { 404: ['COUPON_NOT_FOUND'], 409: ['COUPON_TEMPLATE_IN_USE', 'CONFLICT'] },
  })
  update(@IdParam() id: number, @Body() dto: CouponTemplateUpdateDto): Promise<CouponTemplate> {
    return this.templates.update(id, dto);
  }
}
