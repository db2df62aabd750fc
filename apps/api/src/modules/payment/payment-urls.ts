import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

/**
 * Where WeChat Pay posts notifications. In production: the configured https URLs. With the
 * in-process sandbox: this very process on loopback, at the port it actually listens on
 * (tests and `PORT=0` pick a random one).
 */
@Injectable()
export class PaymentUrls {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  notifyUrl(): string {
    return this.config.wechatSandbox && !this.config.runtime.notifyUrlSet
      ? `${this.loopbackOrigin()}/api/v1/payments/wechat/notify`
      : this.config.wechat.pay.notifyUrl;
  }

  refundNotifyUrl(): string {
    return this.config.wechatSandbox && !this.config.runtime.refundNotifyUrlSet
      ? `${this.loopbackOrigin()}/api/v1/payments/wechat/refund-notify`
      : this.config.wechat.pay.refundNotifyUrl;
  }

  private loopbackOrigin(): string {
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as { port: number } | null;
    return `http://127.0.0.1:${address?.port ?? this.config.port}`;
  }
}
