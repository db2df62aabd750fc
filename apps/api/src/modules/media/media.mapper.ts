import type { AdminMedia, Media } from '@sutwxapp/contracts';
import { formatMediaRef, mediaUrl } from '../../common/media-ref';
import type { MediaConfig } from '../../config/app-config';
import type { MediaEntity } from './entities/media.entity';
import { variantKey } from './image-pipeline';

export function toMedia(m: MediaEntity, config: Pick<MediaConfig, 'publicBaseUrl'>): Media {
  return {
    id: m.id,
    ref: formatMediaRef(m),
    kind: m.kind,
    status: m.status,
    sourceFormat: m.sourceFormat,
    width: m.width,
    height: m.height,
    bytes: m.bytes,
    url: mediaUrl(config.publicBaseUrl, m.hash),
    variants: m.variants.map((v) => ({ ...v, url: `${config.publicBaseUrl}/${variantKey(m.hash, v)}` })),
    createdAt: m.createdAt.toISOString(),
  };
}

export function toAdminMedia(m: MediaEntity, config: Pick<MediaConfig, 'publicBaseUrl'>): AdminMedia {
  return { ...toMedia(m, config), ownerType: m.ownerType, ownerId: m.ownerId };
}
