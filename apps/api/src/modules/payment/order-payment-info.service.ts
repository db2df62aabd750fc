import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrderPaymentInfo } from '@sutwxapp/contracts';
import { Repository } from 'typeorm';
import { OrderPort } from '../order/order.port';
import { PaymentEntity } from './entities/payment.entity';
import { RefundEntity } from './entities/refund.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * What an operator sees of an order's money: the WeChat Pay payment and every refund, with what
 * could still be refunded. "Refunded" counts like the refund lock does (RefundService.lockPayment):
 * CLOSED refunds gave nothing back, every other state might have.
 */
@Injectable()
export class OrderPaymentInfoService {
  constructor(
    private readonly orders: OrderPort,
    @InjectRepository(PaymentEntity) private readonly payments: Repository<PaymentEntity>,
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
  ) {}

  async forOrder(orderId: number): Promise<OrderPaymentInfo> {
    await this.orders.find(orderId); // 404 ORDER_NOT_FOUND
    const [payment, refunds] = await Promise.all([
      this.payments.findOneBy({ orderId }),
      this.refunds.find({ where: { orderId }, order: { id: 'ASC' } }),
    ]);
    const refundedAmount = refunds.filter((r) => r.status !== 'CLOSED').reduce((sum, r) => sum + r.amount, 0);
    const paid = payment?.status === 'SUCCESS' ? payment.amount : 0;
    return {
      orderId,
      payment: payment
        ? {
            outTradeNo: payment.outTradeNo,
            transactionId: payment.transactionId,
            amount: payment.amount,
            status: payment.status,
            paidAt: iso(payment.paidAt),
          }
        : null,
      refunds: refunds.map((r) => ({
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        status: r.status,
        reason: r.reason,
        outRefundNo: r.outRefundNo,
        refundId: r.refundId,
        aftersaleId: r.aftersaleId,
        createdAt: r.createdAt.toISOString(),
        succeededAt: iso(r.succeededAt),
      })),
      refundedAmount,
      refundableAmount: Math.max(0, paid - refundedAmount),
    };
  }
}
