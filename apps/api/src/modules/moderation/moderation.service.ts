import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ContentReview, type ContentReviewPage, type ContentReviewStatus } from '@sutwxapp/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import {
  CONTENT_SECURITY,
  type ContentScene,
  type ContentSecurityPort,
  type ContentVerdict,
} from '../../common/content-security.port';
import { Errors } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/db-errors';
import { TransactionService } from '../../database/transaction.service';
import { ContentReviewHandlers } from './content-review-handlers';
import { ContentReviewEntity } from './content-review.entity';

export interface ScreenTextInput {
  /** the handler's subject type, e.g. `user_nickname` */
  subjectType: string;
  subjectId: number;
  userId: number;
  openid: string;
  scene: ContentScene;
  content: string;
  title?: string;
  nickname?: string;
}

/** `held`: saved as pending (the review's id), the public value unchanged until an operator decides. */
export type ScreenResult = { verdict: 'pass' } | { verdict: 'risky' } | { verdict: 'held'; reviewId: number };

/**
 * The content review queue. Features screen shopper text through `screenText`: `pass` is theirs to
 * save, `risky` theirs to refuse with their own message, `review` is queued here and applied later
 * by the subject's handler (@ContentReviewSubject) when an operator approves it.
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger(ModerationService.name);

  constructor(
    @InjectRepository(ContentReviewEntity) private readonly reviews: Repository<ContentReviewEntity>,
    private readonly handlers: ContentReviewHandlers,
    private readonly tx: TransactionService,
    @Optional() @Inject(CONTENT_SECURITY) private readonly contentSecurity: ContentSecurityPort | null = null,
  ) {}

  async screenText(input: ScreenTextInput): Promise<ScreenResult> {
    // a subject nobody can apply would wait forever: a wiring bug, found on the first screen
    if (!this.handlers.has(input.subjectType)) throw new Error(`No content review handler for "${input.subjectType}"`);
    if (!this.contentSecurity) return { verdict: 'pass' };
    const { subjectType, subjectId, userId, openid, scene, content, title, nickname } = input;
    const checked = await this.contentSecurity.checkText({ openid, scene, content, title, nickname });
    const verdict: ContentVerdict = checked.verdict;
    if (verdict === 'risky') return { verdict: 'risky' };
    if (verdict === 'pass') {
      // the author's newer text replaces what still waited: approving the old one later would undo it
      await this.tx.run((em) => this.withdrawOpen(em, subjectType, subjectId));
      return { verdict: 'pass' };
    }
    const reviewId = await this.hold({
      subjectType,
      subjectId,
      userId,
      text: content,
      wechatTraceId: checked.traceId ?? null,
      wechatLabel: checked.label ?? null,
    });
    this.logger.log(`content review ${reviewId} (${subjectType} ${subjectId}) waits for an operator`);
    return { verdict: 'held', reviewId };
  }

  /** The texts waiting for an operator, by subject id (the newest per subject). */
  async pendingTexts(subjectType: string, subjectIds: number[]): Promise<Map<number, string>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.reviews.find({
      where: { subjectType, subjectId: In(subjectIds), status: 'PENDING' },
      select: { id: true, subjectId: true, text: true },
      order: { id: 'ASC' },
    });
    return new Map(rows.map((r) => [r.subjectId, r.text]));
  }

  async list(status: ContentReviewStatus | undefined, page: number, pageSize: number): Promise<ContentReviewPage> {
    const [rows, total] = await this.reviews.findAndCount({
      where: status ? { status } : {},
      // the queue is worked oldest first; decided ones are looked up newest first
      order: { id: status === 'PENDING' ? 'ASC' : 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toDto), total, page, pageSize };
  }

  /**
   * APPROVED applies the text through its subject's handler, REJECTED drops it; both in one
   * transaction with the conditional update on PENDING, so two operators (or a retried request)
   * decide once. Repeating the same decision answers the decided review; the other decision 409.
   */
  async decide(
    id: number,
    operatorId: number,
    decision: 'APPROVED' | 'REJECTED',
    reason: string | null,
  ): Promise<ContentReview> {
    const decided = await this.tx.run(async (em) => {
      const review = await em.findOneBy(ContentReviewEntity, { id });
      if (!review) throw Errors.NOT_FOUND(`Content review ${id} not found`);
      const now = new Date();
      const updated = await em.update(
        ContentReviewEntity,
        { id, status: 'PENDING' },
        { status: decision, openSlot: null, operatorId, reason, decidedAt: now },
      );
      if (!updated.affected) return review;
      const handler = this.handlers.of(review.subjectType);
      const row = Object.assign(review, { status: decision, openSlot: null, operatorId, reason, decidedAt: now });
      if (decision === 'APPROVED') await handler.applyApproved(em, row);
      else await handler.onRejected?.(em, row);
      return row;
    });
    if (decided.status !== decision) {
      const what = decided.status === 'WITHDRAWN' ? '已被用户撤回（提交了新的内容）' : `已被处理为 ${decided.status}`;
      throw Errors.CONTENT_REVIEW_DECIDED(`该审核${what}，不能再改为 ${decision}`, {
        details: { status: decided.status },
      });
    }
    return toDto(decided);
  }

  /** Withdraws what still waits for the subject and queues the new text, as one pending row. */
  private async hold(
    row: Pick<ContentReviewEntity, 'subjectType' | 'subjectId' | 'userId' | 'text' | 'wechatTraceId' | 'wechatLabel'>,
  ): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx.run(async (em) => {
          await this.withdrawOpen(em, row.subjectType, row.subjectId);
          const inserted = await em.insert(ContentReviewEntity, { ...row, status: 'PENDING', openSlot: 'P' });
          return inserted.identifiers[0].id as number;
        });
      } catch (err) {
        // a parallel submission for the same subject took the pending slot first: replace it in turn
        if (attempt >= 3 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  private async withdrawOpen(em: EntityManager, subjectType: string, subjectId: number): Promise<void> {
    await em.update(
      ContentReviewEntity,
      { subjectType, subjectId, status: 'PENDING' },
      { status: 'WITHDRAWN', openSlot: null, decidedAt: new Date() },
    );
  }
}

function toDto(r: ContentReviewEntity): ContentReview {
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    userId: r.userId,
    text: r.text,
    wechatTraceId: r.wechatTraceId,
    wechatLabel: r.wechatLabel,
    status: r.status,
    operatorId: r.operatorId,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  };
}
