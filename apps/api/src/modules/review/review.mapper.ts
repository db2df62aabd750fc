import type { AdminReview, MyReview, Review } from '@sutwxapp/contracts';
import { publicUrl, type PublicUrlConfig } from '../../common/public-url';
import type { ReviewEntity } from './entities/review.entity';

/** 张* style: the first character and a star, whatever the nickname's length. */
export function maskedNickname(nickname: string | null): string {
  const chars = [...(nickname ?? '')];
  return chars.length === 0 ? '匿名用户' : `${chars[0]}***`;
}

export const imageUrls = (config: PublicUrlConfig, refs: string[], width: 240 | 750 = 750): string[] =>
  refs.map((r) => publicUrl(config, r, width)).filter((u): u is string => u !== null);

export function toReview(config: PublicUrlConfig, r: ReviewEntity, followUp: ReviewEntity | null): Review {
  return {
    id: r.id,
    productId: r.productId,
    rating: r.rating ?? 0,
    content: r.content,
    images: imageUrls(config, r.images),
    anonymous: r.anonymous,
    nickname: r.anonymous ? maskedNickname(r.nickname) : (r.nickname ?? '微信用户'),
    avatarUrl: r.anonymous ? null : publicUrl(config, r.avatarUrl, 240),
    specs: r.specs,
    createdAt: r.createdAt.toISOString(),
    followUp: followUp
      ? {
          content: followUp.content,
          images: imageUrls(config, followUp.images),
          createdAt: followUp.createdAt.toISOString(),
        }
      : null,
    reply: r.reply && r.repliedAt ? { content: r.reply, repliedAt: r.repliedAt.toISOString() } : null,
  };
}

export function toAdminReview(
  config: PublicUrlConfig,
  r: ReviewEntity,
  followUp: ReviewEntity | null,
  productTitle: string | null,
): AdminReview {
  return {
    ...toReview(config, r, followUp),
    // operators see who wrote it, anonymous or not
    nickname: r.nickname ?? '微信用户',
    kind: r.kind,
    status: r.status,
    userId: r.userId,
    orderId: r.orderId,
    orderItemId: r.orderItemId,
    parentId: r.parentId,
    moderationNote: r.moderationNote,
    productTitle,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toMyReview(config: PublicUrlConfig, r: ReviewEntity): MyReview {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    orderId: r.orderId,
    orderItemId: r.orderItemId,
    productId: r.productId,
    rating: r.rating,
    content: r.content,
    images: imageUrls(config, r.images),
    anonymous: r.anonymous,
    createdAt: r.createdAt.toISOString(),
  };
}
