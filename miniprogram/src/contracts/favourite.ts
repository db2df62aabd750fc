// GENERATED — do not edit. Source: libs/contracts/src/favourite.ts
// Regenerate with `npm run miniprogram:contracts`; CI fails when this copy is stale.
import type { Fen, IsoDateTime, Page } from './common';

/** How a remembered product can be bought now: lists show off-shelf and sold-out items as such. */
export type ProductAvailability = 'ON_SALE' | 'SOLD_OUT' | 'OFF_SHELF';

/** The heart on a product page: whether the shopper favourited it and how many shoppers did. */
export interface FavouriteStatus {
  productId: number;
  favourited: boolean;
  count: number;
}

/** Every product the shopper favourited (hearts on product cards), newest first. */
export interface FavouriteIds {
  productIds: number[];
}

export interface FavouriteItem {
  productId: number;
  title: string;
  image: string | null;
  minPrice: Fen;
  availability: ProductAvailability;
  favouritedAt: IsoDateTime;
}
export type FavouritePage = Page<FavouriteItem>;

/** One product in the browsing history (footprints), newest first, one row per product. */
export interface HistoryItem {
  productId: number;
  title: string;
  image: string | null;
  minPrice: Fen;
  availability: ProductAvailability;
  viewedAt: IsoDateTime;
}
export type HistoryPage = Page<HistoryItem>;
