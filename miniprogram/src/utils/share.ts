import type { ProductDetail } from '../contracts/catalog';
import { routes } from './routes';
import { withQuery } from './query';

/** Where a shared page was opened from; the product_view it records carries it (events `source`). */
export type ShareSource = 'share_message' | 'share_timeline';
const SOURCES: readonly string[] = ['share_message', 'share_timeline'];

/** The `source` query parameter of an opened share, or null for any other way in. */
export function shareSource(value: string | undefined): ShareSource | null {
  return value !== undefined && SOURCES.includes(value) ? (value as ShareSource) : null;
}

export interface ShareMessage {
  title: string;
  path: string;
  imageUrl?: string;
}
export interface ShareTimeline {
  title: string;
  query: string;
  imageUrl?: string;
}

const SHOP_TITLE = 'SutWxApp 商城';

/**
 * A product as a chat card (onShareAppMessage: a page path) and as a Moments post
 * (onShareTimeline: the query of the page shared). Both open the product detail, which loads
 * without a login, and name their source.
 */
export function productShare(
  product: Pick<ProductDetail, 'id' | 'title' | 'images'> | null,
  id: number,
): { message: ShareMessage; timeline: ShareTimeline } {
  const title = product?.title ?? SHOP_TITLE;
  const image = product?.images[0];
  const productId = product?.id ?? id;
  return {
    message: {
      title,
      path: withQuery(routes.productDetail, { id: productId, source: 'share_message' }),
      ...(image ? { imageUrl: image } : {}),
    },
    timeline: {
      title,
      query: `id=${productId}&source=share_timeline`,
      ...(image ? { imageUrl: image } : {}),
    },
  };
}

/** The home page shared: the shop's name and the first banner. */
export function homeShare(imageUrl: string | undefined): { message: ShareMessage; timeline: ShareTimeline } {
  const image = imageUrl ? { imageUrl } : {};
  return {
    message: { title: SHOP_TITLE, path: withQuery(routes.home, { source: 'share_message' }), ...image },
    timeline: { title: SHOP_TITLE, query: 'source=share_timeline', ...image },
  };
}
