import type { Review, ReviewFilter, ReviewSummary } from '../contracts/review';
import type { ProductAvailability } from '../contracts/favourite';
import { formatDateTime } from './time';
import { specsText } from './sku';

/** The reviews page's tabs, in the order shoppers expect them. */
export const REVIEW_TABS: Array<{ key: ReviewFilter; title: string }> = [
  { key: 'all', title: '全部' },
  { key: 'photos', title: '有图' },
  { key: 'good', title: '好评' },
  { key: 'medium', title: '中评' },
  { key: 'bad', title: '差评' },
];

export interface ReviewView extends Review {
  /** "匿名用户" for anonymous reviews, else the nickname */
  author: string;
  specsLabel: string;
  date: string;
}

export const reviewView = (r: Review): ReviewView => ({
  ...r,
  author: r.anonymous ? '匿名用户' : r.nickname || '微信用户',
  specsLabel: specsText(r.specs),
  date: formatDateTime(r.createdAt).slice(0, 10),
});

/** Tab titles with counts from the summary: "有图 3". */
export function reviewTabs(summary: ReviewSummary | null): Array<{ key: ReviewFilter; title: string }> {
  if (!summary) return REVIEW_TABS;
  const counts: Record<ReviewFilter, number> = {
    all: summary.count,
    photos: summary.withPhotos,
    good: summary.good,
    medium: summary.medium,
    bad: summary.bad,
  };
  return REVIEW_TABS.map((t) => ({ key: t.key, title: `${t.title} ${counts[t.key]}` }));
}

/** Favourites and history rows: how the product can be bought now. */
export const AVAILABILITY_TEXT: Record<ProductAvailability, string> = {
  ON_SALE: '',
  SOLD_OUT: '已售罄',
  OFF_SHELF: '已下架',
};
export const remembered = <T extends { availability: ProductAvailability }>(item: T) => ({
  ...item,
  availabilityText: AVAILABILITY_TEXT[item.availability],
});
