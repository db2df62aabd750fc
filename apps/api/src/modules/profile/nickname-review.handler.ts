import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import { type ContentReviewHandler, ContentReviewSubject } from '../moderation/content-review-handlers';
import type { ContentReviewEntity } from '../moderation/content-review.entity';

export const NICKNAME_SUBJECT = 'user_nickname';

/** A held nickname (subject id = the user's id) becomes the public one when an operator approves it. */
@Injectable()
@ContentReviewSubject(NICKNAME_SUBJECT)
export class NicknameReviewHandler implements ContentReviewHandler {
  async applyApproved(em: EntityManager, review: ContentReviewEntity): Promise<void> {
    await em.update(UserEntity, { id: review.subjectId }, { nickname: review.text });
  }
}
