import { messageOf } from './errors';

interface StatefulPage {
  setData(data: { status?: string; errorMessage?: string }): void;
}

/**
 * A page's load: the loading state first, the error state (with the shopper's message) if it
 * fails. `quiet` reloads (pull to refresh, coming back to the page) keep what is on screen.
 */
export async function loadInto(page: StatefulPage, quiet: unknown, work: () => Promise<void>): Promise<void> {
  // `quiet` is only honoured when literally true: bound as an event handler, load() gets the event
  const isQuiet = quiet === true;
  if (!isQuiet) page.setData({ status: 'loading' });
  try {
    await work();
  } catch (err) {
    if (!isQuiet) page.setData({ status: 'error', errorMessage: messageOf(err) });
  }
}

/** onPullDownRefresh: reload (quietly), then close the refresh spinner. */
export async function pullToRefresh(reload: () => Promise<void>): Promise<void> {
  await reload();
  wx.stopPullDownRefresh();
}
