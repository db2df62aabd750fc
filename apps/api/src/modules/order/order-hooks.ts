import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { OrderStatus } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import type { OrderTransition } from './order-state';

export interface OrderTransitionEvent {
  orderId: number;
  transition: OrderTransition;
  to: OrderStatus;
}

/**
 * What a feature implements to act on an order transition inside the transaction that made it
 * (release a coupon on cancel, award points on completion). A throw rolls the transition back.
 * Work that must not see rolled-back data (messages, cache) goes to an outbox instead.
 */
export interface OrderTransitionListener {
  onOrderTransition(em: EntityManager, event: OrderTransitionEvent): Promise<void>;
}

/**
 * Marks a provider as a listener for the named transitions. Listeners are ordinary providers in
 * their own module, found through Nest's discovery, so the order module never imports them.
 */
export const OnOrderTransition = DiscoveryService.createDecorator<readonly OrderTransition[]>();

@Injectable()
export class OrderHooks implements OnModuleInit {
  private readonly byTransition = new Map<OrderTransition, OrderTransitionListener[]>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OnOrderTransition.KEY })) {
      const transitions = this.discovery.getMetadataByDecorator(OnOrderTransition, wrapper) ?? [];
      const listener = wrapper.instance as OrderTransitionListener | undefined;
      if (!listener || typeof listener.onOrderTransition !== 'function') continue;
      for (const t of transitions) this.byTransition.set(t, [...(this.byTransition.get(t) ?? []), listener]);
    }
  }

  async afterTransition(em: EntityManager, event: OrderTransitionEvent): Promise<void> {
    for (const listener of this.byTransition.get(event.transition) ?? []) await listener.onOrderTransition(em, event);
  }
}
