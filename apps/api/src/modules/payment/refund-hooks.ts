import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { RefundEntity, RefundRowStatus } from './entities/refund.entity';

/**
 * What a feature implements to learn a partial refund's end (the after-sale module: its request
 * becomes refunded), inside the transaction that records it. A throw rolls that change back.
 */
export interface PartialRefundListener {
  onPartialRefundSettled(em: EntityManager, refund: RefundEntity, status: RefundRowStatus): Promise<void>;
}

/**
 * Marks a provider as a partial-refund listener. Listeners are ordinary providers in their own
 * module, found through Nest's discovery, so the payment module never imports them.
 */
export const OnPartialRefundSettled = DiscoveryService.createDecorator<void>();

/** Finds the partial-refund listeners other features contribute (see the decorator above). */
@Injectable()
export class RefundHooks implements OnModuleInit {
  private readonly listeners: PartialRefundListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OnPartialRefundSettled.KEY })) {
      const listener = wrapper.instance as PartialRefundListener | undefined;
      if (listener && typeof listener.onPartialRefundSettled === 'function') this.listeners.push(listener);
    }
  }

  async partialSettled(em: EntityManager, refund: RefundEntity, status: RefundRowStatus): Promise<void> {
    for (const listener of this.listeners) await listener.onPartialRefundSettled(em, refund, status);
  }
}
