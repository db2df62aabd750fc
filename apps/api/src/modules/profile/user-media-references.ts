import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseMediaRef } from '../../common/media-ref';
import { UserEntity } from '../auth/entities/user.entity';
import { MediaReferences, refLike } from '../media/media-references';

/** A shopper's avatar upload is in use while their profile points at it: never swept or deleted. */
@Injectable()
export class UserMediaReferences implements OnModuleInit {
  constructor(private readonly references: MediaReferences) {}

  onModuleInit(): void {
    this.references.register(async (em, ids) => {
      const rows = await em
        .createQueryBuilder(UserEntity, 'u')
        .select(['u.id', 'u.nickname', 'u.avatarUrl'])
        .where(
          `(${ids.map((_, n) => `u.avatarUrl LIKE :m${n}`).join(' OR ')})`,
          Object.fromEntries(ids.map((id, n) => [`m${n}`, refLike(id)])),
        )
        .getMany();
      return rows.flatMap((u) => {
        const ref = u.avatarUrl ? parseMediaRef(u.avatarUrl) : null;
        return ref && ids.includes(ref.id)
          ? [{ mediaId: ref.id, type: 'user', id: u.id, label: `${u.nickname ?? `用户 ${u.id}`} 的头像` }]
          : [];
      });
    });
  }
}
