import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { Order, OrderPage, PreviewOrderResponse } from '@sutwxapp/contracts';
import type { FastifyReply } from 'fastify';
import { Errors } from '../../common/errors/app-error';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { CreateOrderDto, OrderListQueryDto, PreviewOrderDto } from './dto/order.dto';
import { OrderCreateService } from './order-create.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderQueryService } from './order-query.service';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,64}$/;

@ApiTags('orders')
@Controller('orders')
@ShopperOnly()
export class OrderController {
  constructor(
    private readonly creator: OrderCreateService,
    private readonly query: OrderQueryService,
    private readonly lifecycle: OrderLifecycleService,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8-64 chars; a retried submit returns the same order',
  })
  @ApiRoute({
    summary: 'Place an order (explicit items or the selected cart lines) and reserve its stock',
    description:
      '201 for a new order; 200 (with `Idempotent-Replayed: true`) when the Idempotency-Key was seen before.',
    body: 'CreateOrderRequest',
    ok: { 201: 'Order', 200: 'Order' },
    errors: {
      400: ['EMPTY_ORDER', 'PURCHASE_LIMIT_EXCEEDED', 'ORDER_TOO_LARGE', 'ORDER_AMOUNT_TOO_LARGE', 'POINTS_OVER_CAP'],
      404: ['ADDRESS_NOT_FOUND', 'SKU_NOT_FOUND'],
      409: [
        'OUT_OF_STOCK',
        'PRODUCT_UNAVAILABLE',
        'IDEMPOTENCY_KEY_REUSED',
        'TOO_MANY_UNPAID_ORDERS',
        'UNPAID_UNITS_LIMIT',
        'COUPON_NOT_USABLE',
        'POINTS_INSUFFICIENT',
      ],
    },
  })
  async create(
    @CurrentUserId() userId: number,
    @Body() dto: CreateOrderDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Order> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw Errors.VALIDATION_FAILED('Idempotency-Key must be 8 to 64 letters, digits, . : - or _');
    }
    const { order, replayed } = await this.creator.create(userId, dto, key);
    reply.status(replayed ? 200 : 201);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return order;
  }

  @Post('preview')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Price an order before placing it: lines, goods, freight and payable amounts',
    body: 'PreviewOrderRequest',
    ok: { 200: 'PreviewOrderResponse' },
    errors: {
      400: ['EMPTY_ORDER', 'PURCHASE_LIMIT_EXCEEDED', 'ORDER_TOO_LARGE', 'ORDER_AMOUNT_TOO_LARGE'],
      404: ['ADDRESS_NOT_FOUND', 'SKU_NOT_FOUND'],
      409: ['OUT_OF_STOCK', 'PRODUCT_UNAVAILABLE', 'COUPON_NOT_USABLE'],
    },
  })
  preview(@CurrentUserId() userId: number, @Body() dto: PreviewOrderDto): Promise<PreviewOrderResponse> {
    return this.creator.preview(userId, dto);
  }

  @Get()
  @ApiRoute({ summary: "The shopper's orders, newest first, optionally by status", ok: { 200: 'OrderPage' } })
  list(@CurrentUserId() userId: number, @Query() query: OrderListQueryDto): Promise<OrderPage> {
    return this.query.listOwned(userId, query);
  }

  @Get(':id')
  @ApiRoute({ summary: "One of the shopper's orders", ok: { 200: 'Order' }, errors: { 404: ['ORDER_NOT_FOUND'] } })
  get(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.query.getOwned(userId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Cancel an unpaid order and release its stock',
    ok: { 200: 'Order' },
    errors: { 404: ['ORDER_NOT_FOUND'], 409: ['ILLEGAL_ORDER_STATE', 'ORDER_PAYMENT_IN_PROGRESS'] },
  })
  cancel(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.lifecycle.cancelByShopper(userId, id);
  }

  @Post(':id/confirm-receipt')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Confirm the parcel arrived (SHIPPED → COMPLETED)',
    ok: { 200: 'Order' },
    errors: { 404: ['ORDER_NOT_FOUND'], 409: ['ILLEGAL_ORDER_STATE'] },
  })
  confirmReceipt(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.lifecycle.confirmReceipt(userId, id);
  }
}
