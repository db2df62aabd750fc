import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MediaModule } from '../media/media.module';
import { MeController } from './me.controller';
import { ProfileService } from './profile.service';
import { UserMediaReferences } from './user-media-references';

/**
 * /me: the shopper's profile. Apart from AuthModule because the avatar is an upload and the
 * media module already depends on auth (its guards).
 */
@Module({
  imports: [AuthModule, MediaModule],
  controllers: [MeController],
  providers: [ProfileService, UserMediaReferences],
})
export class ProfileModule {}
