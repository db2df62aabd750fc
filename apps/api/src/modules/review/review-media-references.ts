import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { parseMediaRef } from '../../common/media-ref';
import { FindsMediaReferences, type MediaReferenceFinder, rowsReferring } from '../media/media-references';
import { ReviewEntity } from './entities/review.entity';

/** A review's photos are in use while the review exists: never swept or deleted under it. */
@Injectable()
@FindsMediaReferences()
export class ReviewMediaReferences implements MediaReferenceFinder {
  async findReferences(em: EntityManager, ids: number[]) {
    const rows = await rowsReferring(em, ReviewEntity, 'r', 'images', ids).select(['r.id', 'r.images']).getMany();
    return rows.flatMap((r) =>
      r.images
        .map((ref) => parseMediaRef(ref)?.id)
        .filter((id): id is number => id !== undefined && ids.includes(id))
        .map((mediaId) => ({ mediaId, type: 'review', id: r.id, label: `评价 ${r.id} 的图片` })),
    );
  }
}
