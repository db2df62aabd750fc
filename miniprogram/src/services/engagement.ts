import type { FavouriteIds, FavouritePage, FavouriteStatus, HistoryPage } from '../contracts/favourite';
import type {
  CreateReviewRequest,
  FollowUpReviewRequest,
  MyReview,
  PendingReviews,
  ProductReviewOverview,
  ReviewFilter,
  ReviewPage,
} from '../contracts/review';
import { api } from './request';
import { currentToken } from './session';

// ---- favourites and browsing history (signed-in shoppers) ----
export const favouriteStatus = (productId: number) => api.get<FavouriteStatus>(`/favourites/${productId}`);
export const addFavourite = (productId: number) => api.put<FavouriteStatus>(`/favourites/${productId}`);
export const removeFavourite = (productId: number) => api.del<FavouriteStatus>(`/favourites/${productId}`);
export const favouriteIds = () => api.get<FavouriteIds>('/favourites/ids');
/**
 * The signed-in shopper's favourites as { [productId]: true }, for the hearts on product cards:
 * one call per page load, never a login for it, and {} (no hearts, no toast) when signed out or on any failure.
 */
export async function favouriteMap(): Promise<Record<number, true>> {
  if (!currentToken()) return {};
  try {
    const res = await api.get<FavouriteIds>('/favourites/ids', { toast: false });
    const map: Record<number, true> = {};
    for (const id of res.productIds) map[id] = true;
    return map;
  } catch {
    return {};
  }
}
export const listFavourites = (page: number, pageSize = 20) =>
  api.get<FavouritePage>('/favourites', { query: { page, pageSize } });
export const listHistory = (page: number, pageSize = 20) =>
  api.get<HistoryPage>('/history', { query: { page, pageSize } });
export const removeHistory = (productId: number) => api.del(`/history/${productId}`);
export const clearHistory = () => api.del('/history');

// ---- reviews ----
export const reviewOverview = (productId: number) =>
  api.get<ProductReviewOverview>(`/catalog/products/${productId}/reviews/overview`, { auth: false });
export const listReviews = (productId: number, filter: ReviewFilter, page: number, pageSize = 20) =>
  api.get<ReviewPage>(`/catalog/products/${productId}/reviews`, { auth: false, query: { filter, page, pageSize } });
export const pendingReviews = () => api.get<PendingReviews>('/reviews/pending');
export const writeReview = (body: CreateReviewRequest) => api.post<MyReview>('/reviews', body, { loading: '提交中' });
export const followUpReview = (reviewId: number, body: FollowUpReviewRequest) =>
  api.post<MyReview>(`/reviews/${reviewId}/follow-up`, body, { loading: '提交中' });
