import type { IsoDateTime, Page } from './common';
import type { SpecValues } from './catalog';

export const REVIEW_LIMITS = {
  contentMaxLength: 500,
  maxImages: 9,
  replyMaxLength: 500,
  reasonMaxLength: 200,
} as const;

/**
 * PENDING: waiting for its photos' content check. HELD: WeChat asked for a person to look (text or
 * photo); not public until an operator shows it. PUBLISHED: public. HIDDEN: an operator hid it.
 * REJECTED: a photo was found risky; never public.
 */
export type ReviewStatus = 'PENDING' | 'HELD' | 'PUBLISHED' | 'HIDDEN' | 'REJECTED';
export type ReviewKind = 'INITIAL' | 'FOLLOW_UP';
/** good: 4–5 stars, medium: 3, bad: 1–2 */
export type ReviewFilter = 'all' | 'photos' | 'good' | 'medium' | 'bad';
export const REVIEW_FILTERS: readonly ReviewFilter[] = ['all', 'photos', 'good', 'medium', 'bad'];

export interface CreateReviewRequest {
  orderItemId: number;
  /** 1–5 stars */
  rating: number;
  /** up to 500 characters */
  content: string;
  /** up to 9 of your own uploads (`POST /media?kind=review`), by `ref` or `media:<id>` */
  images?: string[];
  anonymous?: boolean;
}

export interface FollowUpReviewRequest {
  content: string;
  images?: string[];
}

export interface ReviewFollowUp {
  content: string;
  images: string[];
  createdAt: IsoDateTime;
}

export interface ReviewReply {
  content: string;
  repliedAt: IsoDateTime;
}

/** A public review. Anonymous ones show a masked nickname and no avatar. */
export interface Review {
  id: number;
  productId: number;
  rating: number;
  content: string;
  images: string[];
  anonymous: boolean;
  nickname: string;
  avatarUrl: string | null;
  specs: SpecValues;
  createdAt: IsoDateTime;
  followUp: ReviewFollowUp | null;
  reply: ReviewReply | null;
}
export type ReviewPage = Page<Review>;

export interface ReviewStarCount {
  star: number;
  count: number;
}

/** Public reviews of one product (hidden and held ones are not counted). */
export interface ReviewSummary {
  productId: number;
  count: number;
  /** average stars, one decimal; 0 without reviews */
  average: number;
  /** share of 4–5 star reviews in percent (0–100, rounded) */
  goodRate: number;
  /** five rows, 5 stars first */
  byStar: ReviewStarCount[];
  withPhotos: number;
  good: number;
  medium: number;
  bad: number;
}

/** What the product page shows: the summary and the first reviews. */
export interface ProductReviewOverview {
  summary: ReviewSummary;
  reviews: Review[];
}

/** A review as its author sees it, whatever its status. */
export interface MyReview {
  id: number;
  kind: ReviewKind;
  status: ReviewStatus;
  orderId: number;
  orderItemId: number;
  productId: number;
  rating: number | null;
  content: string;
  images: string[];
  anonymous: boolean;
  createdAt: IsoDateTime;
}

/** An item of a completed order and what its shopper may still write about it. */
export interface ReviewableItem {
  orderId: number;
  orderNo: string;
  orderItemId: number;
  productId: number;
  skuId: number;
  title: string;
  specs: SpecValues;
  image: string | null;
  completedAt: IsoDateTime;
  /** the first review, once written */
  reviewId: number | null;
  canReview: boolean;
  canFollowUp: boolean;
}

/** "To review": completed orders' items still inside the review window, not yet reviewed. */
export interface PendingReviews {
  total: number;
  /** orders with at least one item to review (the order list's "评价" button) */
  orderIds: number[];
  items: ReviewableItem[];
}

// ---- operators --------------------------------------------------------------------------------

export interface AdminReview extends Review {
  kind: ReviewKind;
  status: ReviewStatus;
  userId: number;
  orderId: number;
  orderItemId: number;
  /** the first review this follow-up belongs to */
  parentId: number | null;
  /** why it is held, hidden or rejected */
  moderationNote: string | null;
  /** the product's current title (null when the product was deleted) */
  productTitle: string | null;
  updatedAt: IsoDateTime;
}
export type AdminReviewPage = Page<AdminReview>;

/** GET /admin/reviews order: newest (default), oldest, lowest or highest rating first. */
export type AdminReviewSort = 'newest' | 'oldest' | 'rating_asc' | 'rating_desc';

export interface ModerateReviewRequest {
  /** recorded on the review and in the audit trail */
  reason: string;
}

export interface ReplyReviewRequest {
  content: string;
}

export interface AdminProductRating extends ReviewSummary {
  title: string;
}
export type AdminProductRatingPage = Page<AdminProductRating>;
