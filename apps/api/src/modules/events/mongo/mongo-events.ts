import type { DynamicModule, Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { AppConfig } from '../../../config/app-config';
import { EVENT_STORE } from '../event-store';
import { AUDIT_LOG_MODEL, auditLogSchema, BEHAVIOUR_EVENT_MODEL, behaviourEventSchema } from './event.schemas';
import { MongoEventStore } from './mongo-event-store';

/**
 * The MongoDB half of EventsModule. Loaded only when MONGODB_URI is set (EventsModule requires
 * this file then): mongoose and the MongoDB driver cost ~190 ms of start-up and ~10 MB of
 * memory in a replica that never uses them.
 */
export function mongoEventStore(config: AppConfig): { imports: DynamicModule[]; providers: Provider[] } {
  return {
    imports: [
      MongooseModule.forFeature([
        { name: BEHAVIOUR_EVENT_MODEL, schema: behaviourEventSchema(config.eventsTtlDays) },
        { name: AUDIT_LOG_MODEL, schema: auditLogSchema() },
      ]),
    ],
    providers: [{ provide: EVENT_STORE, useClass: MongoEventStore }],
  };
}
