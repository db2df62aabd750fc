import { track } from '../services/tracker';
import { pullToRefresh } from './load';
import type { LoadStatus } from './page';

interface ReloadingPage {
  route: string;
  data: { status: LoadStatus };
  load(quiet?: unknown): Promise<void>;
}

/**
 * The lifecycle of a page whose content changes on other pages (the cart, "me"): each visit is a
 * page view and reads it again, quietly once the page has shown it; pull to refresh reloads quietly.
 */
export const reloadOnShow = {
  onShow(this: ReloadingPage) {
    track({ type: 'page_view', page: this.route });
    void this.load(this.data.status === 'ready');
  },

  onPullDownRefresh(this: ReloadingPage) {
    return pullToRefresh(() => this.load(true));
  },
};
