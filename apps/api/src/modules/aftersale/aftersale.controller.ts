import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AdminAfterSale,
  AdminAfterSalePage,
  AfterSale,
  AfterSaleList,
  AfterSaleOrderStateList,
  ErrorCode,
  Tracking,
} from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { AfterSaleAdminService } from './aftersale-admin.service';
import { AfterSaleService } from './aftersale.service';
import {
  AdminAfterSaleListQueryDto,
  AfterSaleByOrdersQueryDto,
  AfterSaleListQueryDto,
  CreateAfterSaleDto,
  ReceiveReturnDto,
  RejectAfterSaleDto,
  ReturnShipmentDto,
} from './dto/aftersale.dto';

/** A return parcel's tracking answers alike for the shopper and the console. */
const RETURN_TRACKING_ERRORS: Partial<Record<number, ErrorCode[]>> = {
  404: ['AFTERSALE_NOT_FOUND'],
  409: ['NOT_SHIPPED'],
  502: ['TRACKING_PROVIDER_ERROR'],
  503: ['TRACKING_UNAVAILABLE'],
};

@ApiTags('aftersale')
@Controller('aftersales')
@ShopperOnly()
export class AfterSaleController {
  constructor(private readonly service: AfterSaleService) {}

  @Post()
  @ApiRoute({
    summary: 'Request an after-sale for pieces of one order line: refund only, or return and refund',
    body: 'CreateAfterSaleRequest',
    ok: { 201: 'AfterSale' },
    errors: {
      400: ['MEDIA_NOT_USABLE'],
      404: ['ORDER_NOT_FOUND', 'SKU_NOT_FOUND'],
      409: ['AFTERSALE_NOT_ALLOWED', 'AFTERSALE_ALREADY_OPEN'],
    },
  })
  create(@CurrentUserId() userId: number, @Body() dto: CreateAfterSaleDto): Promise<AfterSale> {
    return this.service.create(userId, dto);
  }

  @Get()
  @ApiRoute({ summary: "The shopper's after-sale requests (one order's with orderId)", ok: { 200: 'AfterSaleList' } })
  async list(@CurrentUserId() userId: number, @Query() query: AfterSaleListQueryDto): Promise<AfterSaleList> {
    return { items: await this.service.list(userId, query) };
  }

  @Get('by-orders')
  @ApiRoute({
    summary: 'After-sale state per order for a page of the shopper’s orders (the order list’s badge)',
    description:
      'One item per id asked: open and refunded request counts, the newest request’s state and the ' +
      'label the list shows (售后中 / 已退款 / 售后关闭, or null). Orders that are not the caller’s read as ' +
      'orders without requests.',
    ok: { 200: 'AfterSaleOrderStateList' },
  })
  async byOrders(
    @CurrentUserId() userId: number,
    @Query() query: AfterSaleByOrdersQueryDto,
  ): Promise<AfterSaleOrderStateList> {
    return { items: await this.service.stateByOrders(userId, query.orderIds.split(',').map(Number)) };
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One of the shopper’s after-sale requests',
    ok: { 200: 'AfterSale' },
    errors: { 404: ['AFTERSALE_NOT_FOUND'] },
  })
  get(@CurrentUserId() userId: number, @IdParam() id: number): Promise<AfterSale> {
    return this.service.get(id, userId);
  }

  @Get(':id/logistics')
  @ApiRoute({
    summary: 'Tracking of the return parcel (cached like order tracking)',
    ok: { 200: 'Tracking' },
    errors: RETURN_TRACKING_ERRORS,
  })
  logistics(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Tracking> {
    return this.service.returnTracking(id, userId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Withdraw a request before the parcel is sent back',
    ok: { 200: 'AfterSale' },
    errors: { 404: ['AFTERSALE_NOT_FOUND'], 409: ['ILLEGAL_AFTERSALE_STATE'] },
  })
  cancel(@CurrentUserId() userId: number, @IdParam() id: number): Promise<AfterSale> {
    return this.service.cancel(userId, id);
  }

  @Post(':id/return-shipment')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Send the return: carrier and tracking number (APPROVED → RETURN_SHIPPED)',
    body: 'ReturnShipmentRequest',
    ok: { 200: 'AfterSale' },
    errors: { 400: ['CARRIER_NOT_SUPPORTED'], 404: ['AFTERSALE_NOT_FOUND'], 409: ['ILLEGAL_AFTERSALE_STATE'] },
  })
  ship(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: ReturnShipmentDto): Promise<AfterSale> {
    return this.service.shipReturn(userId, id, dto.carrierCode, dto.trackingNo);
  }
}

@ApiTags('admin')
@Controller('admin/aftersales')
@AdminOnly()
export class AdminAfterSaleController {
  constructor(
    private readonly service: AfterSaleService,
    private readonly reads: AfterSaleAdminService,
  ) {}

  @Get()
  @ApiRoute({
    summary: 'The after-sale queue: a page of requests (by state, order), each with its order line',
    ok: { 200: 'AdminAfterSalePage' },
  })
  list(@Query() query: AdminAfterSaleListQueryDto): Promise<AdminAfterSalePage> {
    return this.reads.page(query);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One after-sale request with its order line, reason, photos and return parcel',
    ok: { 200: 'AdminAfterSale' },
    errors: { 404: ['AFTERSALE_NOT_FOUND'] },
  })
  get(@IdParam() id: number): Promise<AdminAfterSale> {
    return this.reads.get(id);
  }

  @Get(':id/logistics')
  @ApiRoute({
    summary: 'Tracking of a return parcel',
    ok: { 200: 'Tracking' },
    errors: RETURN_TRACKING_ERRORS,
  })
  logistics(@IdParam() id: number): Promise<Tracking> {
    return this.service.returnTracking(id, null);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Approve; a refund-only request is refunded at once (the line’s paid share)',
    ok: { 200: 'AfterSale' },
    errors: {
      404: ['AFTERSALE_NOT_FOUND'],
      409: ['ILLEGAL_AFTERSALE_STATE', 'AFTERSALE_NOT_ALLOWED', 'REFUND_EXCEEDS_PAID', 'REFUND_NOT_ALLOWED'],
    },
  })
  approve(@IdParam() id: number): Promise<AfterSale> {
    return this.service.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Reject with a reason the shopper sees',
    body: 'RejectAfterSaleRequest',
    ok: { 200: 'AfterSale' },
    errors: { 404: ['AFTERSALE_NOT_FOUND'], 409: ['ILLEGAL_AFTERSALE_STATE'] },
  })
  reject(@IdParam() id: number, @Body() dto: RejectAfterSaleDto): Promise<AfterSale> {
    return this.service.reject(id, dto.reason);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Confirm the returned parcel arrived (optionally restock); the refund follows',
    body: 'ReceiveReturnRequest',
    ok: { 200: 'AfterSale' },
    errors: {
      404: ['AFTERSALE_NOT_FOUND'],
      409: ['ILLEGAL_AFTERSALE_STATE', 'AFTERSALE_NOT_ALLOWED', 'REFUND_EXCEEDS_PAID', 'REFUND_NOT_ALLOWED'],
    },
  })
  receive(@IdParam() id: number, @Body() dto: ReceiveReturnDto): Promise<AfterSale> {
    return this.service.receiveReturn(id, dto.restock);
  }
}
