import type { OrderStatus } from '../../contracts/order';
import { ORDER_STATUS_TEXT } from '../../contracts/order';
import { listOrders } from '../../services/order';
import { track } from '../../services/tracker';
import { getProfile, updateProfile } from '../../services/user';
import type { DetailEvent, LoadStatus, Tap } from '../../utils/page';
import { orderListPath, routes } from '../../utils/routes';
import { loadInto, pullToRefresh } from '../../utils/load';

interface Shortcut {
  status: OrderStatus;
  title: string;
  icon: string;
  count: number;
}

const SHORTCUTS: Array<Omit<Shortcut, 'count' | 'title'>> = [
  { status: 'PENDING_PAYMENT', icon: '💳' },
  { status: 'PAID', icon: '📦' },
  { status: 'SHIPPED', icon: '🚚' },
  { status: 'COMPLETED', icon: '✅' },
];

/** How many orders wait in a status (total of a one-row page), 0 when unknown. */
async function countOrders(status: OrderStatus): Promise<number> {
  try {
    return (await listOrders({ status, page: 1, pageSize: 1 })).total;
  } catch {
    return 0;
  }
}

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    nickname: '',
    avatarUrl: '',
    initial: '微',
    memberSince: '',
    shortcuts: SHORTCUTS.map((s) => ({ ...s, title: ORDER_STATUS_TEXT[s.status], count: 0 })) as Shortcut[],
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
    void this.load(this.data.status === 'ready');
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(true));
  },

  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const [profile, ...counts] = await Promise.all([getProfile(), ...SHORTCUTS.map((s) => countOrders(s.status))]);
      this.setData({
        status: 'ready',
        nickname: profile.nickname ?? '',
        avatarUrl: profile.avatarUrl ?? '',
        initial: (profile.nickname ?? '微')[0],
        memberSince: `${profile.createdAt.slice(0, 10)} 加入`,
        shortcuts: SHORTCUTS.map((s, i) => ({ ...s, title: ORDER_STATUS_TEXT[s.status], count: counts[i] })),
      });
    });
  },

  /** WeChat's nickname keyboard fills the input; saved when the shopper leaves it. */
  async onNicknameDone(e: DetailEvent<{ value: string }>) {
    const nickname = e.detail.value.trim();
    if (!nickname || nickname === this.data.nickname) return;
    try {
      const profile = await updateProfile({ nickname });
      this.setData({ nickname: profile.nickname ?? '', initial: (profile.nickname ?? '微')[0] });
      wx.showToast({ title: '昵称已更新', icon: 'success' });
    } catch {
      this.setData({ nickname: this.data.nickname });
    }
  },

  onShortcut(e: Tap<{ status: OrderStatus }>) {
    wx.navigateTo({ url: orderListPath(e.currentTarget.dataset.status) });
  },

  onAllOrders() {
    wx.navigateTo({ url: orderListPath() });
  },

  onAddresses() {
    wx.navigateTo({ url: routes.addressList });
  },
});
