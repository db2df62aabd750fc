import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type Order, type PaySyncResponse, type RequestPaymentParams } from '@sutwxapp/contracts';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminOnly, CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { OrderQueryService } from '../order/order-query.service';
import { AuditTrailInterceptor } from '../events/audit-trail.interceptor';
import { WECHAT_SANDBOX } from '../wechat/wechat.module';
import { RefundDto } from './dto/refund.dto';
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
  pay(@CurrentUserId() userId: number, @IdParam() id: number): Promise<RequestPaymentParams> {
    return this.payments.requestPayment(userId, id);
  }

  @Post(':id/pay/sync')
  @HttpCode(200)
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
@UseInterceptors(AuditTrailInterceptor)
export class PaymentNotifyController {
  constructor(private readonly notify: PaymentNotifyService) {}

  @Post('notify')
  @ApiExcludeEndpoint()
  async transaction(@Req() req: RawRequest, @Res() reply: FastifyReply): Promise<void> {
    answer(reply, await this.notify.transaction(req.headers, req.rawBody));
  }

  @Post('refund-notify')
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
  refund(@IdParam() id: number, @Body() dto: RefundDto): Promise<Order> {
    return this.refunds.requestByAdmin(id, dto.reason.trim());
  }
}

/** Development only (WECHAT_SANDBOX on): pay your own order in the sandbox, as if in WeChat. */
@ApiTags('sandbox')
@Controller('sandbox/orders')
@ShopperOnly()
export class SandboxPaymentController {
  constructor(
    @Inject(WECHAT_SANDBOX) private readonly sandbox: WechatSandbox | null,
    private readonly orders: OrderQueryService,
  ) {}

  @Post(':id/simulate-payment')
  @HttpCode(200)
  async simulate(@CurrentUserId() userId: number, @IdParam() id: number): Promise<{ delivered: boolean }> {
    if (!this.sandbox) throw new AppError(404, ErrorCode.ROUTE_NOT_FOUND, 'The WeChat sandbox is off');
    const order = await this.orders.findOwnedEntity(userId, id);
    try {
      const result = await this.sandbox.simulatePayment(order.orderNo);
      return { delivered: result.deliveries[0]?.delivered ?? false };
    } catch (err) {
      throw new AppError(
        409,
        ErrorCode.ORDER_NOT_PAYABLE,
        `The sandbox refused: ${(err as Error).message} (call POST /orders/${id}/pay first)`,
      );
    }
  }
}
