import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MediaModule } from '../media/media.module';
import { ModerationModule } from '../moderation/moderation.module';
import { MeController } from './me.controller';
import { NicknameReviewHandler } from './nickname-review.handler';
import { ProfileService } from './profile.service';
import { UserMediaReferences } from './user-media-references';

/**
 * /me: the shopper's profile. Apart from AuthModule because the avatar is an upload and the
 * media module already depends on auth (its guards). A nickname WeChat wants a person to check
 * waits in the moderation queue (NicknameReviewHandler applies it on approval).
 */
@Module({
  imports: [AuthModule, MediaModule, ModerationModule],
  controllers: [MeController],
  providers: [ProfileService, UserMediaReferences, NicknameReviewHandler],
})
export class ProfileModule {}
