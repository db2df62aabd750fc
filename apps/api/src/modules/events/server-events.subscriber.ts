import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVER_EVENT_TYPES, type ServerEventType } from '@sutwxapp/contracts';
import { type DomainEventMap, DomainEvents } from '../../common/domain-events';
import type { StoredEvent } from './event-store';
import { EventWriterService } from './event-writer.service';

/**
 * Records the server's own facts (order_created, order_paid, …). DomainEvents are published only
 * after the transaction that made them commits, so a rolled-back order leaves no event.
 */
@Injectable()
export class ServerEventsSubscriber implements OnModuleInit {
  constructor(
    private readonly domain: DomainEvents,
    private readonly writer: EventWriterService,
  ) {}

  onModuleInit(): void {
    for (const type of SERVER_EVENT_TYPES) {
      this.domain.on(type, (payload) => this.writer.enqueueServer(toStoredEvent(type, payload)));
    }
  }
}

export function toStoredEvent<K extends ServerEventType>(type: K, payload: DomainEventMap[K]): StoredEvent {
  const { userId, orderId, ...rest } = payload as DomainEventMap[K] & Record<string, unknown>;
  const money = rest.payableAmount ?? rest.amount;
  return {
    type,
    userId,
    productId: null,
    orderId,
    keyword: null,
    page: null,
    amount: typeof money === 'number' ? money : null,
    requestId: null,
    clientTime: null,
    serverTime: new Date(),
    props: rest,
  };
}
