import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import {
  type Order,
  type OrderPaymentInfo,
  type PaySyncResponse,
  type RequestPaymentParams,
  type SimulatePaymentResponse,
} from '@sutwxapp/contracts';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../../common/errors/app-error';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { OrderPort } from '../order/order.port';
import { Audited } from '../events/audit-trail.interceptor';
import { WECHAT_SANDBOX } from '../wechat/wechat.module';
import { RefundDto } from './dto/refund.dto';
import { OrderPaymentInfoService } from './order-payment-info.service';
import { PaymentNotifyService, type NotifyAnswer } from './payment-notify.service';
import { PaymentService } from './payment.service';
import { RefundService } from './refund.service';

@ApiTags('payment')
@Controller('orders')
@ShopperOnly()
export class PaymentController {
  constructor(private readonly payments: PaymentService) {}

  @Post(':id/pay')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Start WeChat Pay for an unpaid order: the parameters for wx.requestPayment',
    ok: { 200: 'RequestPaymentParams' },
    errors: { 404: ['ORDER_NOT_FOUND'], 409: ['ORDER_NOT_PAYABLE'], 503: ['PAYMENT_PROVIDER_ERROR'] },
  })
  pay(@CurrentUserId() userId: number, @IdParam() id: number): Promise<RequestPaymentParams> {
    return this.payments.requestPayment(userId, id);
  }

  @Post(':id/pay/sync')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Ask WeChat Pay now whether the order is paid (after wx.requestPayment returns)',
    ok: { 200: 'PaySyncResponse' },
    errors: { 404: ['ORDER_NOT_FOUND'], 503: ['PAYMENT_PROVIDER_ERROR'] },
  })
  sync(@CurrentUserId() userId: number, @IdParam() id: number): Promise<PaySyncResponse> {
    return this.payments.sync(userId, id);
  }
}

type RawRequest = FastifyRequest & { rawBody?: Buffer };

function answer(reply: FastifyReply, result: NotifyAnswer): void {
  if (result.status === 204) {
    void reply.status(204).send();
  } else {
    // WeChat's failure shape, not ours: {"code":"FAIL","message":…}
    void reply
      .status(result.status)
      .header('content-type', 'application/json')
      .send({ code: 'FAIL', message: result.message ?? 'failed' });
  }
}

/**
 * WeChat Pay callbacks: no auth guard (WeChat signs them), verified over the raw body. Every
 * delivery, accepted or refused, goes to the audit trail.
 */
@ApiTags('payment')
@Controller('payments/wechat')
export class PaymentNotifyController {
  constructor(private readonly notify: PaymentNotifyService) {}

  @Post('notify')
  @Audited('payment_notification')
  @ApiExcludeEndpoint()
  async transaction(@Req() req: RawRequest, @Res() reply: FastifyReply): Promise<void> {
    answer(reply, await this.notify.transaction(req.headers, req.rawBody));
  }

  @Post('refund-notify')
  @Audited('refund_notification')
  @ApiExcludeEndpoint()
  async refund(@Req() req: RawRequest, @Res() reply: FastifyReply): Promise<void> {
    answer(reply, await this.notify.refund(req.headers, req.rawBody));
  }
}

@ApiTags('admin')
@Controller('admin/orders')
@AdminOnly()
export class AdminRefundController {
  constructor(private readonly refunds: RefundService) {}

  @Post(':id/refund')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Refund a paid or shipped order in full (→ REFUNDING, REFUNDED when WeChat Pay confirms)',
    body: 'RefundRequest',
    ok: { 200: 'Order' },
    errors: {
      404: ['ORDER_NOT_FOUND'],
      409: ['REFUND_NOT_ALLOWED', 'ILLEGAL_ORDER_STATE'],
      503: ['PAYMENT_PROVIDER_ERROR'],
    },
  })
  refund(@IdParam() id: number, @Body() dto: RefundDto): Promise<Order> {
    return this.refunds.requestByAdmin(id, dto.reason.trim());
  }
}

@ApiTags('admin')
@Controller('admin/orders')
@AdminOnly()
export class AdminPaymentController {
  constructor(private readonly info: OrderPaymentInfoService) {}

  @Get(':id/payment')
  @ApiRoute({
    summary: 'The order’s WeChat Pay payment (transaction id, amount) and refunds, with what is still refundable',
    ok: { 200: 'OrderPaymentInfo' },
    errors: { 404: ['ORDER_NOT_FOUND'] },
  })
  get(@IdParam() id: number): Promise<OrderPaymentInfo> {
    return this.info.forOrder(id);
  }
}

/** Development only (WECHAT_SANDBOX on): pay your own order in the sandbox, as if in WeChat. */
@ApiTags('sandbox')
@Controller('sandbox/orders')
@ShopperOnly()
export class SandboxPaymentController {
  constructor(
    @Inject(WECHAT_SANDBOX) private readonly sandbox: WechatSandbox | null,
    private readonly orders: OrderPort,
  ) {}

  @Post(':id/simulate-payment')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Development only: pay your own order in the WeChat Pay sandbox, as if in WeChat',
    description: 'Answers 404 ROUTE_NOT_FOUND when the sandbox is off (production). Call POST /orders/{id}/pay first.',
    ok: { 200: 'SimulatePaymentResponse' },
    errors: { 404: ['ORDER_NOT_FOUND', 'ROUTE_NOT_FOUND'], 409: ['ORDER_NOT_PAYABLE'] },
  })
  async simulate(@CurrentUserId() userId: number, @IdParam() id: number): Promise<SimulatePaymentResponse> {
    if (!this.sandbox) throw Errors.ROUTE_NOT_FOUND('The WeChat sandbox is off');
    const order = await this.orders.findOwned(userId, id);
    try {
      const result = await this.sandbox.simulatePayment(order.orderNo);
      return { delivered: result.deliveries[0]?.delivered ?? false };
    } catch (err) {
      throw Errors.ORDER_NOT_PAYABLE(
        `The sandbox refused: ${(err as Error).message} (call POST /orders/${id}/pay first)`,
      );
    }
  }
}
