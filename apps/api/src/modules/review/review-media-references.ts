import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseMediaRef } from '../../common/media-ref';
import { MediaReferences, refLike } from '../media/media-references';
import { ReviewEntity } from './entities/review.entity';

/** A review's photos are in use while the review exists: never swept or deleted under it. */
@Injectable()
export class ReviewMediaReferences implements OnModuleInit {
  constructor(private readonly references: MediaReferences) {}

  onModuleInit(): void {
    this.references.register(async (em, ids) => {
      const rows = await em
        .createQueryBuilder(ReviewEntity, 'r')
        .select(['r.id', 'r.images'])
        .where(
          `(${ids.map((_, n) => `r.images LIKE :m${n}`).join(' OR ')})`,
          Object.fromEntries(ids.map((id, n) => [`m${n}`, refLike(id)])),
        )
        .getMany();
      return rows.flatMap((r) =>
        r.images
          .map((ref) => parseMediaRef(ref)?.id)
          .filter((id): id is number => id !== undefined && ids.includes(id))
          .map((mediaId) => ({ mediaId, type: 'review', id: r.id, label: `评价 ${r.id} 的图片` })),
      );
    });
  }
}
