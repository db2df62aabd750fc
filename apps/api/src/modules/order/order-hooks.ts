import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { OrderStatus } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import type { OrderRecord } from './order-record';
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

/**
 * A feature that must be asked before an unpaid order is cancelled (the payment feature: the
 * provider's order is closed first; if it was paid meanwhile, the payment is recorded, the
 * order becomes PAID and the guard answers 'paid', so the cancellation does not happen).
 */
export interface OrderCancelGuard {
  beforeCancel(order: OrderRecord): Promise<'proceed' | 'paid'>;
  /**
   * Inside the cancel transaction, with the order row locked: is a provider order still open
   * (a prepay started after beforeCancel looked)? Then the cancel must close it first.
   */
  hasOpenPayment(em: EntityManager, orderId: number): Promise<boolean>;
}
export const CancelGuard = DiscoveryService.createDecorator<void>();

/** An extra reason a SHIPPED order completes (e.g. "tracking says signed"), besides the day count. */
export interface OrderCompletionRule {
  /** shipped orders that should complete now */
  due(now: Date): Promise<OrderRecord[]>;
}
/** The rule's name is the completion reason published with order_completed. */
export const CompletionRule = DiscoveryService.createDecorator<string>();

/**
 * Pieces of an order another path already put back on the shelf (an after-sale return received
 * with restock): a later whole-order refund of an unshipped order must not release them again.
 */
export interface OrderRestockedUnits {
  /** skuId → pieces already restocked, read on the caller's transaction */
  restockedUnits(em: EntityManager, orderId: number): Promise<Map<number, number>>;
}

export const RestockedUnitsSource = DiscoveryService.createDecorator<void>();

/** Finds the providers other features contribute to the order process (see the decorators above). */
@Injectable()
export class OrderHooks implements OnModuleInit {
  private readonly byTransition = new Map<OrderTransition, OrderTransitionListener[]>();
  readonly cancelGuards: OrderCancelGuard[] = [];
  readonly completionRules: Array<{ name: string; rule: OrderCompletionRule }> = [];
  readonly restockedSources: OrderRestockedUnits[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OnOrderTransition.KEY })) {
      const transitions = this.discovery.getMetadataByDecorator(OnOrderTransition, wrapper) ?? [];
      const listener = wrapper.instance as OrderTransitionListener | undefined;
      if (!listener || typeof listener.onOrderTransition !== 'function') continue;
      for (const t of transitions) this.byTransition.set(t, [...(this.byTransition.get(t) ?? []), listener]);
    }
    for (const wrapper of this.discovery.getProviders({ metadataKey: CancelGuard.KEY })) {
      const guard = wrapper.instance as OrderCancelGuard | undefined;
      if (guard && typeof guard.beforeCancel === 'function') this.cancelGuards.push(guard);
    }
    for (const wrapper of this.discovery.getProviders({ metadataKey: RestockedUnitsSource.KEY })) {
      const source = wrapper.instance as OrderRestockedUnits | undefined;
      if (source && typeof source.restockedUnits === 'function') this.restockedSources.push(source);
    }
    for (const wrapper of this.discovery.getProviders({ metadataKey: CompletionRule.KEY })) {
      const name = this.discovery.getMetadataByDecorator(CompletionRule, wrapper);
      const rule = wrapper.instance as OrderCompletionRule | undefined;
      if (name && rule && typeof rule.due === 'function') this.completionRules.push({ name, rule });
    }
  }

  /** The order's lines less what other paths already restocked (never below zero). */
  async lessRestocked<T extends { skuId: number; quantity: number }>(
    em: EntityManager,
    orderId: number,
    lines: T[],
  ): Promise<T[]> {
    const left = lines.map((l) => ({ ...l }));
    for (const source of this.restockedSources) {
      for (const [skuId, qty] of await source.restockedUnits(em, orderId)) {
        let rest = qty;
        for (const line of left) {
          if (line.skuId !== skuId || rest <= 0) continue;
          const take = Math.min(line.quantity, rest);
          line.quantity -= take;
          rest -= take;
        }
      }
    }
    return left.filter((l) => l.quantity > 0);
  }

  async afterTransition(em: EntityManager, event: OrderTransitionEvent): Promise<void> {
    for (const listener of this.byTransition.get(event.transition) ?? []) await listener.onOrderTransition(em, event);
  }
}
