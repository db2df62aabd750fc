import type { CouponOffer, UserCoupon } from '../../../contracts/promotion';
import { claimCoupon, listOffers, myCoupons } from '../../../services/promotion';
import { toast } from '../../../utils/feedback';
import type { DetailEvent, LoadStatus } from '../../../utils/page';
import { loadInto } from '../../../utils/load';
import { idParam } from '../../../utils/query';
import { couponValidity } from '../../../utils/promotion';

type Tab = 'centre' | 'usable' | 'used' | 'expired';
type MineView = UserCoupon & { validText: string };

/** 领券中心 (all coupons being issued, or one product's with ?productId) and 我的优惠券 by status. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    tab: 'centre' as Tab,
    offers: [] as CouponOffer[],
    mine: [] as MineView[],
  },
  productId: null as number | null,

  onLoad(query: Record<string, string | undefined>) {
    this.productId = idParam(query.productId);
    if (query.tab === 'usable' || query.tab === 'used' || query.tab === 'expired') this.setData({ tab: query.tab });
    void this.load();
  },

  load() {
    return loadInto(this, false, async () => {
      if (this.data.tab === 'centre') {
        const offers = await listOffers(this.productId ?? undefined);
        this.setData({ status: 'ready', offers: offers.items });
      } else {
        const mine = await myCoupons(this.data.tab);
        this.setData({
          status: 'ready',
          mine: mine.items.map((c) => ({ ...c, validText: couponValidity(c.validTo) })),
        });
      }
    });
  },

  onTabChange(e: DetailEvent<{ value: Tab }>) {
    this.setData({ tab: e.detail.value });
    void this.load();
  },

  async onClaim(e: { currentTarget: { dataset: { id: number } } }) {
    try {
      await claimCoupon(Number(e.currentTarget.dataset.id));
      toast('领取成功');
    } catch {
      // request.ts has told the shopper why (抢光了 / 已领过)
    }
    await this.load();
  },
});
