import type { Page as ListPage } from '../contracts/common';

/** What a page shows in place of its content; see components/page-state. */
export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/** Footer of an infinite list; see components/load-more. */
export type MoreStatus = 'idle' | 'loading' | 'done' | 'error';

/** A tap on an element whose data-* attributes are D. */
export type Tap<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<
  WechatMiniprogram.IAnyObject,
  D
>;

/** An event carrying `detail` (inputs, switches, pickers, our components' own events). */
export type DetailEvent<
  T extends WechatMiniprogram.IAnyObject,
  D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject,
> = WechatMiniprogram.CustomEvent<T, WechatMiniprogram.IAnyObject, D>;

export const hasMore = (page: ListPage<unknown>): boolean => page.page * page.pageSize < page.total;

/**
 * setData patch appending items to a rendered list by index (`list[20]`, `list[21]` …), so a
 * long list is not sent to the view layer again on every page.
 */
export function appendPatch<T>(key: string, start: number, items: T[]): Record<string, T> {
  const patch: Record<string, T> = {};
  items.forEach((item, i) => {
    patch[`${key}[${start + i}]`] = item;
  });
  return patch;
}
