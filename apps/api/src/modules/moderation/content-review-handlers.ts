import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { ContentReviewEntity } from './content-review.entity';

/**
 * What a feature implements for its held text (a nickname, a product review's text): apply it when
 * an operator approves, optionally clean up when one rejects. Both run inside the decision's
 * transaction, so a throw leaves the review PENDING.
 */
export interface ContentReviewHandler {
  /** Make the approved text the public value of the subject. */
  applyApproved(em: EntityManager, review: ContentReviewEntity): Promise<void>;
  /** The text is dropped; the public value stays as it was. */
  onRejected?(em: EntityManager, review: ContentReviewEntity): Promise<void>;
}

/**
 * Marks a provider as the handler of one subject type (`@ContentReviewSubject('user_nickname')`).
 * Handlers live in their own feature's module and are found through Nest's discovery, so the
 * moderation module never imports the features whose text it queues.
 */
export const ContentReviewSubject = DiscoveryService.createDecorator<string>();

@Injectable()
export class ContentReviewHandlers implements OnModuleInit {
  private readonly bySubject = new Map<string, ContentReviewHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: ContentReviewSubject.KEY })) {
      const subject = this.discovery.getMetadataByDecorator(ContentReviewSubject, wrapper);
      const handler = wrapper.instance as ContentReviewHandler | undefined;
      if (!subject || !handler || typeof handler.applyApproved !== 'function') continue;
      if (this.bySubject.has(subject)) throw new Error(`Two content review handlers for "${subject}"`);
      this.bySubject.set(subject, handler);
    }
  }

  has(subjectType: string): boolean {
    return this.bySubject.has(subjectType);
  }

  /** A queued subject type without a handler is a wiring bug: fail the decision, keep the review. */
  of(subjectType: string): ContentReviewHandler {
    const handler = this.bySubject.get(subjectType);
    if (!handler) throw new Error(`No content review handler for "${subjectType}"`);
    return handler;
  }
}
