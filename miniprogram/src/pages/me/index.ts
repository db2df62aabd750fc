import type { OrderStatus } from '../../contracts/order';
import { ORDER_STATUS_TEXT } from '../../contracts/order';
import { uploadAvatar } from '../../services/avatar';
import { pendingReviews } from '../../services/engagement';
import { getOrderSummary } from '../../services/order';
import { bindPhoneNumber } from '../../services/phone';
import { getProfile, updateProfile } from '../../services/user';
import type { DetailEvent, LoadStatus, Tap } from '../../utils/page';
import { orderListPath, routes, writeReviewPath } from '../../utils/routes';
import { loadInto } from '../../utils/load';
import { reloadOnShow } from '../../utils/reload-on-show';
import { messageOf } from '../../utils/errors';
import { toast } from '../../utils/feedback';

interface Shortcut {
  status: OrderStatus;
  title: string;
  icon: string;
  count: number;
}

const SHORTCUTS: Array<Omit<Shortcut, 'count' | 'title'>> = [
  { status: 'PENDING_PAYMENT', icon: 'wallet' },
  { status: 'PAID', icon: 'gift' },
  { status: 'SHIPPED', icon: 'deliver' },
  { status: 'COMPLETED', icon: 'check-circle' },
];

const shortcuts = (counts: Partial<Record<OrderStatus, number>>): Shortcut[] =>
  SHORTCUTS.map((s) => ({ ...s, title: ORDER_STATUS_TEXT[s.status], count: counts[s.status] ?? 0 }));

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    nickname: '',
    /** a new nickname waits for an operator (WeChat asked for a person to check it) */
    nicknamePending: false,
    /** the profile's avatar as the API serves it (never WeChat's temporary file) */
    avatarUrl: '',
    /** one line under the nickname when the chosen avatar could not be saved */
    avatarError: '',
    avatarUploading: false,
    initial: '微',
    memberSince: '',
    phoneMasked: '',
    shortcuts: shortcuts({}),
    /** items of completed orders still to review (GET /reviews/pending) */
    toReview: 0,
  },

  ...reloadOnShow,

  /** The profile and every order count: two requests (GET /me, GET /orders/summary). */
  load(quiet: unknown = false) {
    return loadInto(this, quiet, async () => {
      const [profile, summary] = await Promise.all([getProfile(), getOrderSummary()]);
      this.setData({
        status: 'ready',
        // the owner sees the nickname they chose while it waits; others see the old one until approved
        nickname: profile.pendingNickname ?? profile.nickname ?? '',
        nicknamePending: profile.nicknamePending,
        // the bound number survives a reload: /me carries it masked
        phoneMasked: profile.phoneMasked ?? '',
        avatarUrl: profile.avatarUrl ?? '',
        initial: (profile.nickname ?? '微')[0],
        memberSince: `${profile.createdAt.slice(0, 10)} 加入`,
        shortcuts: shortcuts(summary.byStatus),
      });
      // an extra: the page shows without it
      void pendingReviews()
        .then((p) => this.setData({ toReview: p.total }))
        .catch(() => undefined);
    });
  },

  /** The chooseAvatar button: WeChat's picker hands a temporary file, uploaded and saved on the profile. */
  async onChooseAvatar(e: DetailEvent<{ avatarUrl: string }>) {
    const chosen = e.detail.avatarUrl;
    if (!chosen || this.data.avatarUploading) return;
    this.setData({ avatarUploading: true, avatarError: '' });
    try {
      const profile = await uploadAvatar(chosen);
      this.setData({ avatarUrl: profile.avatarUrl ?? '' });
      toast('头像已更新', 'success');
    } catch (err) {
      this.setData({ avatarError: `头像上传失败：${messageOf(err)}` });
    } finally {
      this.setData({ avatarUploading: false });
    }
  },

  /** WeChat's nickname keyboard fills the input; saved when the shopper leaves it. */
  async onNicknameDone(e: DetailEvent<{ value: string }>) {
    const nickname = e.detail.value.trim();
    if (!nickname || nickname === this.data.nickname) return;
    try {
      const profile = await updateProfile({ nickname });
      const shown = profile.pendingNickname ?? profile.nickname ?? '';
      this.setData({ nickname: shown, nicknamePending: profile.nicknamePending, initial: (shown || '微')[0] });
      toast(
        profile.nicknamePending ? '昵称已提交，审核通过后对他人展示' : '昵称已更新',
        profile.nicknamePending ? undefined : 'success',
      );
    } catch {
      this.setData({ nickname: this.data.nickname });
    }
  },

  /** The getPhoneNumber button: a one-time code only when the shopper agreed. */
  async onPhoneNumber(e: DetailEvent<{ code?: string; errMsg?: string }>) {
    const code = e.detail.code;
    if (!code) return; // declined: nothing to do, nothing to say
    const bound = await bindPhoneNumber(code);
    if (bound) this.setData({ phoneMasked: bound.phoneMasked });
    toast(bound ? '手机号已绑定' : '手机号暂未绑定，请稍后再试', bound ? 'success' : undefined);
  },

  onShortcut(e: Tap<{ status: OrderStatus }>) {
    wx.navigateTo({ url: orderListPath(e.currentTarget.dataset.status) });
  },

  onAllOrders() {
    wx.navigateTo({ url: orderListPath() });
  },

  onCoupons() {
    wx.navigateTo({ url: `${routes.coupons}?tab=usable` });
  },

  onCheckin() {
    wx.navigateTo({ url: routes.checkin });
  },

  onToReview() {
    wx.navigateTo({ url: writeReviewPath() });
  },

  onFavourites() {
    wx.navigateTo({ url: routes.favourites });
  },

  onHistory() {
    wx.navigateTo({ url: routes.history });
  },

  onAddresses() {
    wx.navigateTo({ url: routes.addressList });
  },
});
