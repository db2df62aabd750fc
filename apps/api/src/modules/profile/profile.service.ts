import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type MeProfile } from '@sutwxapp/contracts';
import { maskPhone } from '@sutwxapp/wechat';
import { Repository } from 'typeorm';
import { BOUND_PHONE, type BoundPhonePort } from '../../common/bound-phone.port';
import { Errors } from '../../common/errors/app-error';
import { parseMediaRef } from '../../common/media-ref';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { AuthService, toUserProfile } from '../auth/auth.service';
import type { UpdateProfileDto } from '../auth/dto/auth.dto';
import { UserEntity } from '../auth/entities/user.entity';
import { MediaService } from '../media/media.service';
import { ModerationService } from '../moderation/moderation.service';
import { NICKNAME_SUBJECT } from './nickname-review.handler';

/**
 * The shopper's own profile: nickname (content-checked) and avatar (a WeChat URL or their upload).
 * A nickname WeChat answers `review` for is held in the moderation queue: the shopper sees it as
 * pending, everyone else keeps seeing the old one until an operator approves it.
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly auth: AuthService,
    private readonly media: MediaService,
    private readonly tx: TransactionService,
    private readonly moderation: ModerationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(BOUND_PHONE) private readonly boundPhone: BoundPhonePort | null = null,
  ) {}

  async profile(userId: number): Promise<MeProfile> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw Errors.UNAUTHORIZED('This account no longer exists; sign in again');
    const ref = user.avatarUrl ? parseMediaRef(user.avatarUrl) : null;
    if (ref) {
      // an avatar WeChat refused has no files any more: no avatar rather than a broken image
      const status = (await this.media.statusOf([ref.id])).get(ref.id);
      if (!status || status === 'REJECTED') user.avatarUrl = null;
    }
    const [pending, phone] = await Promise.all([
      this.moderation.pendingTexts(NICKNAME_SUBJECT, [userId]).then((m) => m.get(userId) ?? null),
      this.boundPhone?.phoneOf(userId) ?? null,
    ]);
    return {
      ...toUserProfile(user, this.config),
      nicknamePending: pending !== null,
      pendingNickname: pending,
      phoneMasked: phone ? maskPhone(phone) : null,
    };
  }

  async update(userId: number, dto: UpdateProfileDto): Promise<MeProfile> {
    const patch: Partial<UserEntity> = {};
    if (dto.nickname !== undefined) {
      const nickname = dto.nickname.trim();
      // WeChat's msg_sec_check, scene 1 (profile): risky is refused, review is held for an operator
      const screened = await this.moderation.screenText({
        subjectType: NICKNAME_SUBJECT,
        subjectId: userId,
        userId,
        openid: await this.auth.openidOf(userId),
        scene: 1,
        content: nickname,
        nickname,
      });
      if (screened.verdict === 'risky') {
        throw Errors.CONTENT_RISKY('昵称含有不适宜展示的内容，请修改后再试', {
          errors: [{ field: 'nickname', message: 'refused by content security' }],
        });
      }
      if (screened.verdict === 'pass') patch.nickname = nickname;
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
