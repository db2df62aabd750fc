import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type UserProfile } from '@sutwxapp/contracts';
import { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { parseMediaRef } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { AuthService, toUserProfile } from '../auth/auth.service';
import type { UpdateProfileDto } from '../auth/dto/auth.dto';
import { UserEntity } from '../auth/entities/user.entity';
import { MediaService } from '../media/media.service';

/** The shopper's own profile: nickname (content-checked) and avatar (a WeChat URL or their upload). */
@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly auth: AuthService,
    private readonly media: MediaService,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async profile(userId: number): Promise<UserProfile> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new AppError(401, ErrorCode.UNAUTHORIZED, 'This account no longer exists; sign in again');
    const ref = user.avatarUrl ? parseMediaRef(user.avatarUrl) : null;
    if (ref) {
      // an avatar WeChat refused has no files any more: no avatar rather than a broken image
      const status = (await this.media.statusOf([ref.id])).get(ref.id);
      if (!status || status === 'REJECTED') user.avatarUrl = null;
    }
    return toUserProfile(user, this.config);
  }

  async update(userId: number, dto: UpdateProfileDto): Promise<UserProfile> {
    const patch: Partial<UserEntity> = {};
    if (dto.nickname !== undefined) {
      patch.nickname = dto.nickname.trim();
      await this.auth.checkNickname(userId, patch.nickname);
    }
    if (dto.avatarUrl !== undefined || Object.keys(patch).length > 0) {
      // the avatar upload is claimed on the same transaction as the row that points at it (see MediaService.remove)
      await this.tx.run(async (em) => {
        if (dto.avatarUrl !== undefined) patch.avatarUrl = await this.media.claimAvatar(em, userId, dto.avatarUrl);
        await em.update(UserEntity, { id: userId }, patch);
      });
    }
    return this.profile(userId);
  }
}
