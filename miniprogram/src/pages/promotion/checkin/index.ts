import type { CheckinStatus, PointsEntry } from '../../../contracts/promotion';
import { checkIn, getCheckin, getPoints } from '../../../services/promotion';
import { toast } from '../../../utils/feedback';
import { loadInto } from '../../../utils/load';
import type { LoadStatus } from '../../../utils/page';
import { POINTS_REASON_TEXT } from '../../../utils/promotion';
import { formatDateTime } from '../../../utils/time';

type EntryView = PointsEntry & { reasonText: string; deltaText: string; timeText: string };

/** Daily check-in with the streak table, the points balance and its latest movements. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    checkin: null as CheckinStatus | null,
    balance: 0,
    entries: [] as EntryView[],
  },

  onShow() {
    void this.load();
  },

  load() {
    return loadInto(this, false, async () => {
      const [checkin, points] = await Promise.all([getCheckin(), getPoints()]);
      this.setData({
        status: 'ready',
        checkin,
        balance: points.balance,
        entries: points.entries.map((e) => ({
          ...e,
          reasonText: POINTS_REASON_TEXT[e.reason],
          deltaText: e.delta > 0 ? `+${e.delta}` : String(e.delta),
          timeText: formatDateTime(e.createdAt),
        })),
      });
    });
  },

  async onCheckin() {
    try {
      const result = await checkIn();
      toast(`签到成功，积分 +${result.points}`);
    } catch {
      // 今天已签到: request.ts says so
    }
    await this.load();
  },
});
