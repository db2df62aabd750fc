import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AuditActor, AuditKind, EventType } from '@sutwxapp/contracts';
import { Schema as MongooseSchema } from 'mongoose';

/*
 * autoIndex is off: a changed EVENTS_TTL_DAYS would make mongoose's automatic createIndex fail
 * with IndexOptionsConflict. MongoEventStore runs syncIndexes() once connected instead, which
 * replaces an index whose options changed.
 */
const common = { versionKey: false, autoIndex: false, bufferTimeoutMS: 2000 } as const;

@Schema({ ...common, collection: 'behaviour_events' })
export class BehaviourEventDoc {
  @Prop({ type: String, required: true })
  type!: EventType;

  @Prop({ type: Number, default: null })
  userId!: number | null;

  @Prop({ type: Number, default: null })
  productId!: number | null;

  @Prop({ type: Number, default: null })
  orderId!: number | null;

  @Prop({ type: String, default: null })
  keyword!: string | null;

  @Prop({ type: String, default: null })
  page!: string | null;

  @Prop({ type: Number, default: null })
  amount!: number | null;

  @Prop({ type: String, default: null })
  requestId!: string | null;

  @Prop({ type: Date, default: null })
  clientTime!: Date | null;

  @Prop({ type: Date, required: true })
  serverTime!: Date;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  props!: Record<string, unknown> | null;
}

@Schema({ ...common, collection: 'audit_log' })
export class AuditLogDoc {
  @Prop({ type: String, required: true })
  kind!: AuditKind;

  @Prop({ type: String, required: true })
  actorType!: AuditActor['type'];

  @Prop({ type: String, default: null })
  actorId!: string | null;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  payload!: Record<string, unknown>;

  @Prop({ type: String, default: null })
  requestId!: string | null;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const BEHAVIOUR_EVENT_MODEL = 'BehaviourEvent';
export const AUDIT_LOG_MODEL = 'AuditLog';

/** Same indexes as the SQL tables, plus the TTL index that replaces the SQL retention sweeper. */
export function behaviourEventSchema(ttlDays: number): MongooseSchema<BehaviourEventDoc> {
  const schema = SchemaFactory.createForClass(BehaviourEventDoc);
  schema.index({ type: 1, serverTime: 1 });
  schema.index({ userId: 1, serverTime: 1 });
  schema.index({ productId: 1 }, { sparse: true });
  schema.index({ serverTime: 1 }, { name: 'ttl_serverTime', expireAfterSeconds: ttlDays * 86_400 });
  return schema;
}

/** The audit trail is not expired: payment notifications and admin actions outlive analytics. */
export function auditLogSchema(): MongooseSchema<AuditLogDoc> {
  const schema = SchemaFactory.createForClass(AuditLogDoc);
  schema.index({ kind: 1, createdAt: -1 });
  schema.index({ createdAt: -1 });
  // the owner's audit-log screen, filtered by operator
  schema.index({ actorType: 1, actorId: 1, createdAt: -1 });
  return schema;
}
