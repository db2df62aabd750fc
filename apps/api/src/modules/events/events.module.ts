import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { AnalyticsController } from './analytics/analytics.controller';
import { AnalyticsService } from './analytics/analytics.service';
import { OrderModule } from '../order/order.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';
import { AuthModule } from '../auth/auth.module';
import { PaymentModule } from '../payment/payment.module';
import { BehaviourEventsController } from './behaviour-events.controller';
import { BehaviourEventsService } from './behaviour-events.service';
import { EVENT_STORE } from './event-store';
import { EventRateLimiter } from './event-rate-limiter';
import { EventWriterService } from './event-writer.service';
import { ServerEventsSubscriber } from './server-events.subscriber';
import { AuditLogEntity } from './sql/audit-log.entity';
import { BehaviourEventEntity } from './sql/behaviour-event.entity';
import { EventsTtlSweeper } from './sql/events-ttl-sweeper.service';
import { SqlEventStore } from './sql/sql-event-store';

/**
 * Behaviour events, server events, the audit trail and admin analytics. The store is chosen once
 * from the configuration: MongoDB when MONGODB_URI is set (the Mongoose models only exist then),
 * otherwise SQL tables. Global so any feature can inject AuditService, and so AuditTrailInterceptor
 * (bound by AdminOnly() and on the WeChat Pay callback controller) resolves in every module.
 */
@Module({})
export class EventsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const store = config.mongodbUri
      ? // required only here, so mongoose is never loaded without MONGODB_URI
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when configured
        (require('./mongo/mongo-events') as typeof import('./mongo/mongo-events')).mongoEventStore(config)
      : {
          imports: [TypeOrmModule.forFeature([BehaviourEventEntity, AuditLogEntity])],
          providers: [{ provide: EVENT_STORE, useClass: SqlEventStore }] as Provider[],
        };
    return {
      module: EventsModule,
      global: true,
      imports: [...store.imports, OrderModule, PaymentModule, AuthModule],
      controllers: [BehaviourEventsController, AnalyticsController, AuditLogController],
      providers: [
        ...store.providers,
        // Retention on both stores (MongoDB's TTL index is not honoured by every server).
        EventsTtlSweeper,
        EventWriterService,
        EventRateLimiter,
        BehaviourEventsService,
        ServerEventsSubscriber,
        AuditService,
        AnalyticsService,
        AuditLogService,
      ],
      exports: [AuditService, EventWriterService, EVENT_STORE],
    };
  }
}
