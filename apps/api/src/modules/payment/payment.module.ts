import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { OrderModule } from '../order/order.module';
import { PaymentNotificationEntity } from './entities/payment-notification.entity';
import { PaymentEntity } from './entities/payment.entity';
import { RefundEntity } from './entities/refund.entity';
import {
  AdminPaymentController,
  AdminRefundController,
  PaymentController,
  PaymentNotifyController,
  SandboxPaymentController,
} from './payment.controller';
import { PaymentLedgerService } from './payment-ledger.service';
import { PaymentNotifyService } from './payment-notify.service';
import { PaymentReconcilerService } from './payment-reconciler.service';
import { PaymentService } from './payment.service';
import { OrderPaymentInfoService } from './order-payment-info.service';
import { PaymentUrls } from './payment-urls';
import { RefundReportQuery } from './refund-report.query';
import { RefundHooks } from './refund-hooks';
import { RefundRestocks } from './refund-restocks';
import { RefundService } from './refund.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PaymentEntity, PaymentNotificationEntity, RefundEntity]),
    OrderModule,
    AuthModule,
    DiscoveryModule,
  ],
  controllers: [
    PaymentController,
    PaymentNotifyController,
    AdminRefundController,
    AdminPaymentController,
    SandboxPaymentController,
  ],
  providers: [
    PaymentService,
    PaymentLedgerService,
    PaymentNotifyService,
    RefundService,
    RefundHooks,
    PaymentReconcilerService,
    PaymentUrls,
    RefundRestocks,
    RefundReportQuery,
    OrderPaymentInfoService,
  ],
  exports: [PaymentService, RefundService, RefundReportQuery],
})
export class PaymentModule {}
