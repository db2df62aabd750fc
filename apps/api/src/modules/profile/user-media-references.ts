import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import { UserEntity } from '../auth/entities/user.entity';
import {
  type FoundReference,
  FindsMediaReferences,
  type MediaReferenceFinder,
  refersToAny,
} from '../media/media-references';

/** A shopper's avatar upload is in use while their profile points at it: never swept or deleted. */
@Injectable()
@FindsMediaReferences()
export class UserMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]): Promise<FoundReference[]> {
    const usesAny = refersToAny('u.avatarUrl', ids);
    const rows = await em
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id', 'u.nickname', 'u.avatarUrl'])
      .where(usesAny.sql, usesAny.params)
      .getMany();
    return rows.flatMap((u) => {
      const ref = u.avatarUrl ? parseMediaRef(u.avatarUrl) : null;
      return ref && ids.includes(ref.id)
        ? [{ mediaId: ref.id, type: 'user', id: u.id, label: `${u.nickname ?? `用户 ${u.id}`} 的头像` }]
        : [];
    });
  }
}
