import type { ReviewKind, ReviewStatus } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';
import type { ProductReadsService } from '../catalog/product-reads.service';
import { ReviewEntity } from './entities/review.entity';

/** What a new review's photos and text verdict make it: public only when everything passed. */
export function initialStatus(
  textVerdict: 'pass' | 'review',
  photoStatuses: Array<'PENDING' | 'READY' | 'REVIEW' | 'REJECTED' | undefined>,
): { status: ReviewStatus; note: string | null } {
  if (photoStatuses.some((s) => s === 'REJECTED' || s === undefined)) {
    return { status: 'REJECTED', note: '图片未通过内容安全检测' };
  }
  if (textVerdict === 'review') return { status: 'HELD', note: '文字需人工审核（微信内容安全）' };
  if (photoStatuses.some((s) => s === 'REVIEW')) return { status: 'HELD', note: '图片需人工审核（微信内容安全）' };
  if (photoStatuses.some((s) => s === 'PENDING')) return { status: 'PENDING', note: null };
  return { status: 'PUBLISHED', note: null };
}

/**
 * Moves a review from exactly `from` to `to` with one conditional UPDATE (so a retry, a second
 * operator or a second replica never applies it twice) and keeps the product's public counters in
 * step in the same transaction: a first review counts while it is PUBLISHED. False when the review
 * was not in `from`.
 */
export async function moveReview(
  em: EntityManager,
  products: ProductReadsService,
  review: { id: number; kind: ReviewKind; productId: number; rating: number | null },
  from: ReviewStatus,
  to: ReviewStatus,
  patch: Partial<Pick<ReviewEntity, 'moderationNote'>> = {},
): Promise<boolean> {
  const counts = (s: ReviewStatus) => review.kind === 'INITIAL' && s === 'PUBLISHED';
  const result = await em
    .createQueryBuilder()
    .update(ReviewEntity)
    .set({ ...patch, status: to, counted: counts(to), updatedAt: new Date() })
    .where({ id: review.id, status: from })
    .execute();
  if (result.affected !== 1) return false;
  // an UPDATE of the review's own columns takes no lock on the product row (no FK column changes)
  const delta = Number(counts(to)) - Number(counts(from));
  if (delta !== 0) await products.adjustRating(em, review.productId, delta, delta * (review.rating ?? 0));
  return true;
}
