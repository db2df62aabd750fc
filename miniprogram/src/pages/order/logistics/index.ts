import type { Tracking, TrackingEvent } from '../../../contracts/logistics';
import { getTracking } from '../../../services/logistics';
import type { LoadStatus } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { formatDateTime } from '../../../utils/time';
import { loadInto, pullToRefresh } from '../../../utils/load';

type EventView = TrackingEvent & { timeText: string };

/** The parcel's scans, newest first, as the API's (cached) tracking query returns them. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    tracking: null as Tracking | null,
    events: [] as EventView[],
  },
  orderId: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.orderId) ?? 0;
    void this.load();
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(true));
  },

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const tracking = await getTracking(this.orderId);
      this.setData({
        status: 'ready',
        tracking,
        events: tracking.events.map((e) => ({ ...e, timeText: formatDateTime(e.time) })),
      });
    });
  },

  onCopy() {
    if (this.data.tracking) wx.setClipboardData({ data: this.data.tracking.trackingNo });
  },
});
