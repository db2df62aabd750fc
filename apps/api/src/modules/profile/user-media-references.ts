import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import { UserEntity } from '../auth/entities/user.entity';
import { FindsMediaReferences, type MediaReferenceFinder, rowsReferring } from '../media/media-references';

/** A shopper's avatar upload is in use while their profile points at it: never swept or deleted. */
@Injectable()
@FindsMediaReferences()
export class UserMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]) {
    const rows = await rowsReferring(em, UserEntity, 'u', 'avatarUrl', ids)
      .select(['u.id', 'u.nickname', 'u.avatarUrl'])
      .getMany();
    return rows.flatMap((u) => {
      const ref = u.avatarUrl ? parseMediaRef(u.avatarUrl) : null;
      return ref && ids.includes(ref.id)
        ? [{ mediaId: ref.id, type: 'user', id: u.id, label: `${u.nickname ?? `用户 ${u.id}`} 的头像` }]
        : [];
    });
  }
}
