import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { CacheModule } from './infra/cache/cache.module';
import { RedisModule } from './infra/redis.module';
import { AuthModule } from './modules/auth/auth.module';
import { ProfileModule } from './modules/profile/profile.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { AddressModule } from './modules/address/address.module';
import { CartModule } from './modules/cart/cart.module';
import { OrderModule } from './modules/order/order.module';
import { EventsModule } from './modules/events/events.module';
import { LogisticsModule } from './modules/logistics/logistics.module';
import { PaymentModule } from './modules/payment/payment.module';
import { CommonModule } from './common/common.module';
import { HealthModule } from './modules/health/health.module';
import { WechatModule } from './modules/wechat/wechat.module';
import { WechatPlatformModule } from './modules/wechat-platform/wechat-platform.module';
import { MediaModule } from './modules/media/media.module';
import { MetricsModule } from './observability/metrics.module';
import { PromotionModule } from './modules/promotion/promotion.module';
import { AfterSaleModule } from './modules/aftersale/aftersale.module';
import { FavouriteModule } from './modules/favourite/favourite.module';
import { ReviewModule } from './modules/review/review.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule,
        RedisModule,
        CacheModule,
        // required only with MONGODB_URI: mongoose costs ~190 ms of start-up otherwise
        ...(config.mongodbUri
          ? [
              // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when configured
              (require('./infra/mongo.module') as typeof import('./infra/mongo.module')).MongoModule.forRoot(
                config.mongodbUri,
              ),
            ]
          : []),
        MetricsModule,
        HealthModule,
        WechatModule,
        AuthModule,
        MediaModule,
        ProfileModule,
        CatalogModule,
        CartModule,
        AddressModule,
        OrderModule,
        LogisticsModule,
        EventsModule.forRoot(config),
        PaymentModule,
        WechatPlatformModule,
        // coupons, check-in, points; after-sale requests
        PromotionModule,
        AfterSaleModule,
        FavouriteModule,
        ReviewModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
