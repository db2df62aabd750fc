import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Order, OrderPage, PreviewOrderResponse } from '@sutwxapp/contracts';
import type { FastifyReply } from 'fastify';
import { badRequest } from '../../common/errors/app-error';
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
  async create(
    @CurrentUserId() userId: number,
    @Body() dto: CreateOrderDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Order> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest('Idempotency-Key must be 8 to 64 letters, digits, . : - or _');
    }
    const { order, replayed } = await this.creator.create(userId, dto, key);
    reply.status(replayed ? 200 : 201);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return order;
  }

  @Post('preview')
  @HttpCode(200)
  preview(@CurrentUserId() userId: number, @Body() dto: PreviewOrderDto): Promise<PreviewOrderResponse> {
    return this.creator.preview(userId, dto);
  }

  @Get()
  list(@CurrentUserId() userId: number, @Query() query: OrderListQueryDto): Promise<OrderPage> {
    return this.query.listOwned(userId, query);
  }

  @Get(':id')
  get(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.query.getOwned(userId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.lifecycle.cancelByShopper(userId, id);
  }

  @Post(':id/confirm-receipt')
  @HttpCode(200)
  confirmReceipt(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Order> {
    return this.lifecycle.confirmReceipt(userId, id);
  }
}
