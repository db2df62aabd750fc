import type { ReviewFilter, ReviewSummary } from '../../../contracts/review';
import { listReviews, reviewOverview } from '../../../services/engagement';
import type { DetailEvent, LoadStatus, MoreStatus } from '../../../utils/page';
import { pagedList } from '../../../utils/paged';
import { idParam } from '../../../utils/query';
import { REVIEW_TABS, reviewTabs, reviewView, type ReviewView } from '../../../utils/review';

const PAGE_SIZE = 10;

/** A product's public reviews: filter tabs with counts, paged by scrolling to the bottom. */
Page({
  data: {
    tabs: REVIEW_TABS,
    active: 'all' as ReviewFilter,
    summary: null as ReviewSummary | null,
    status: 'loading' as LoadStatus,
    errorMessage: '',
    items: [] as ReviewView[],
    page: 0,
    more: 'idle' as MoreStatus,
  },
  productId: 0,
  seq: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.productId = idParam(query.productId) ?? 0;
    void reviewOverview(this.productId)
      .then((o) => this.setData({ summary: o.summary, tabs: reviewTabs(o.summary) }))
      .catch(() => undefined);
    void this.reload();
  },

  onReachBottom() {
    void this.loadMore();
  },

  onTabChange(e: DetailEvent<{ value: ReviewFilter }>) {
    if (e.detail.value === this.data.active) return;
    this.setData({ active: e.detail.value });
    void this.reload();
  },

  ...pagedList(
    (host, page) =>
      listReviews(
        (host as unknown as { productId: number }).productId,
        host.data.active as ReviewFilter,
        page,
        PAGE_SIZE,
      ),
    reviewView,
  ),
});
