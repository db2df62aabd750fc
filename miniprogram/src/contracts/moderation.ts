// GENERATED — do not edit. Source: libs/contracts/src/moderation.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { IsoDateTime, Page } from './common';

/**
 * PENDING waits for an operator; APPROVED applied the text; REJECTED dropped it; WITHDRAWN: the
 * author replaced the text (a newer submission) before anyone decided.
 */
export type ContentReviewStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** What the held text belongs to, e.g. `user_nickname` (subjectId = the user's id). */
export type ContentReviewSubjectType = string;

/** Shopper text WeChat's msg_sec_check answered `review` for, held for an operator. */
export interface ContentReview {
  id: number;
  subjectType: ContentReviewSubjectType;
  subjectId: number;
  /** the shopper who wrote it */
  userId: number;
  text: string;
  /** msg_sec_check's trace_id; null when WeChat could not be asked (held because it was down) */
  wechatTraceId: string | null;
  /** msg_sec_check's result.label (e.g. 21000 other); null when WeChat could not be asked */
  wechatLabel: number | null;
  status: ContentReviewStatus;
  /** the admin account that decided; null while pending or when withdrawn */
  operatorId: number | null;
  /** the operator's reason (required to reject) */
  reason: string | null;
  createdAt: IsoDateTime;
  decidedAt: IsoDateTime | null;
}

/** GET /admin/content-reviews */
export type ContentReviewPage = Page<ContentReview>;

/** POST /admin/content-reviews/:id/approve (the reason is optional) */
export interface ApproveContentReviewRequest {
  reason?: string;
}

/** POST /admin/content-reviews/:id/reject */
export interface RejectContentReviewRequest {
  /** shown in the audit trail and to other operators; 1 to 200 characters */
  reason: string;
}
