import type { Page as ListPage } from '../contracts/common';
import { messageOf } from './errors';
import { appendPatch, hasMore } from './page';

/** What a paged list page keeps in `data` (see pagedList). */
export interface PagedData {
  status: string;
  more: string;
  page: number;
  items: unknown[];
  [key: string]: unknown;
}

interface PagedHost {
  data: PagedData;
  setData(patch: Record<string, unknown>): void;
  seq?: number;
}

/**
 * reload/loadMore for a list page whose `data.items` is filled page by page from `fetch`
 * (newest answer wins when the shopper switches filters quickly).
 */
export function pagedList<T, V>(fetch: (host: PagedHost, page: number) => Promise<ListPage<T>>, view: (item: T) => V) {
  return {
    async reload(this: PagedHost, quiet: unknown = false) {
      const seq = (this.seq = (this.seq ?? 0) + 1);
      if (quiet !== true) this.setData({ status: 'loading', items: [], more: 'idle' });
      try {
        const res = await fetch(this, 1);
        if (seq !== this.seq) return;
        this.setData({
          items: res.items.map(view),
          page: 1,
          status: res.items.length === 0 ? 'empty' : 'ready',
          more: hasMore(res) ? 'idle' : 'done',
        });
      } catch (err) {
        if (seq === this.seq && quiet !== true) this.setData({ status: 'error', errorMessage: messageOf(err) });
      }
    },
    async loadMore(this: PagedHost) {
      if (this.data.status !== 'ready' || (this.data.more !== 'idle' && this.data.more !== 'error')) return;
      const seq = this.seq;
      this.setData({ more: 'loading' });
      try {
        const res = await fetch(this, this.data.page + 1);
        if (seq !== this.seq) return;
        this.setData({
          ...appendPatch('items', this.data.items.length, res.items.map(view)),
          page: res.page,
          more: hasMore(res) ? 'idle' : 'done',
        });
      } catch {
        if (seq === this.seq) this.setData({ more: 'error' });
      }
    },
  };
}
