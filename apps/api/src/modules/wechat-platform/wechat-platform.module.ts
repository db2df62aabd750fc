import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MiniProgramOpenApi, StableTokenClient } from '@sutwxapp/wechat';
import type { WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { BOUND_PHONE } from '../../common/bound-phone.port';
import { CONTENT_SECURITY } from '../../common/content-security.port';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthModule } from '../auth/auth.module';
import { OrderModule } from '../order/order.module';
import { PaymentModule } from '../payment/payment.module';
import { WECHAT_SANDBOX } from '../wechat/wechat.module';
import { AccessTokenService } from './access-token.service';
import { ContentSecurityService } from './content-security.service';
import { ShippingUploadEntity } from './entities/shipping-upload.entity';
import { SubscribeAcceptanceEntity, SubscribeMessageEntity } from './entities/subscribe.entity';
import { UserPhoneEntity } from './entities/user-phone.entity';
import { PhoneService } from './phone.service';
import { PushService } from './push.service';
import { PlatformSharedStore } from './shared-store';
import { ShippingUploadService } from './shipping-upload.service';
import { SubscribeService } from './subscribe.service';
import { MINI_PROGRAM_APP_ID } from './tokens';
import {
  AdminWechatShippingController,
  WechatPushController,
  WechatShopperController,
} from './wechat-platform.controller';

class SandboxPushWiring implements OnModuleInit {
  constructor(
    @Inject(WECHAT_SANDBOX) private readonly sandbox: WechatSandbox | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  /** The sandbox pushes where the admin console would: our /wechat/push with our token and key. */
  onModuleInit(): void {
    this.sandbox?.platform.configurePush({
      url: `${this.config.publicBaseUrl}/api/v1/wechat/push`,
      token: this.config.wechatPlatform.pushToken,
      encodingAesKey: this.config.wechatPlatform.encodingAesKey,
    });
  }
}

/**
 * The WeChat platform duties of the shop: access token, shipping-info upload, message push,
 * subscribe messages, phone number and content security (CONTENT_SECURITY, global).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ShippingUploadEntity,
      SubscribeAcceptanceEntity,
      SubscribeMessageEntity,
      UserPhoneEntity,
    ]),
    OrderModule,
    PaymentModule,
    AuthModule,
  ],
  controllers: [WechatPushController, WechatShopperController, AdminWechatShippingController],
  providers: [
    {
      provide: MINI_PROGRAM_APP_ID,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) =>
        sandbox?.credentials.miniProgram.appId ?? config.wechat.appId,
    },
    {
      provide: StableTokenClient,
      inject: [APP_CONFIG, WECHAT_SANDBOX],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null) =>
        new StableTokenClient(
          sandbox?.clientOptions().login ?? {
            baseUrl: config.wechat.apiBaseUrl,
            appId: config.wechat.appId,
            appSecret: config.wechat.appSecret,
          },
        ),
    },
    PlatformSharedStore,
    AccessTokenService,
    {
      provide: MiniProgramOpenApi,
      inject: [APP_CONFIG, WECHAT_SANDBOX, AccessTokenService],
      useFactory: (config: AppConfig, sandbox: WechatSandbox | null, tokens: AccessTokenService) =>
        new MiniProgramOpenApi({ baseUrl: sandbox?.url ?? config.wechat.apiBaseUrl, tokens }),
    },
    SandboxPushWiring,
    ShippingUploadService,
    PushService,
    SubscribeService,
    PhoneService,
    ContentSecurityService,
    { provide: CONTENT_SECURITY, useExisting: ContentSecurityService },
    { provide: BOUND_PHONE, useExisting: PhoneService },
  ],
  exports: [CONTENT_SECURITY, BOUND_PHONE, PhoneService, SubscribeService, AccessTokenService],
})
export class WechatPlatformModule {}
