import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import {
  type FoundReference,
  FindsMediaReferences,
  type MediaReferenceFinder,
  refersToAny,
} from '../media/media-references';
import { ReviewEntity } from './entities/review.entity';

/** A review's photos are in use while the review exists: never swept or deleted under it. */
@Injectable()
@FindsMediaReferences()
export class ReviewMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]): Promise<FoundReference[]> {
    const usesAny = refersToAny('r.images', ids);
    const rows = await em
      .createQueryBuilder(ReviewEntity, 'r')
      .select(['r.id', 'r.images'])
      .where(usesAny.sql, usesAny.params)
      .getMany();
    return rows.flatMap((r) =>
      r.images
        .map((ref) => parseMediaRef(ref)?.id)
        .filter((id): id is number => id !== undefined && ids.includes(id))
        .map((mediaId) => ({ mediaId, type: 'review', id: r.id, label: `评价 ${r.id} 的图片` })),
    );
  }
}
