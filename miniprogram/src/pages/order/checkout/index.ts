import type { Address } from '../../../contracts/address';
import type { CreateOrderRequest } from '../../../contracts/order';
import type { CheckoutCoupon, CheckoutPoints } from '../../../contracts/promotion';
import { createAddress, listAddresses, preferredAddress } from '../../../services/address';
import { createOrder, newIdempotencyKey, previewOrder } from '../../../services/order';
import { payOrder } from '../../../services/payment';
import { bindPhoneNumber } from '../../../services/phone';
import { askOrderSubscriptions } from '../../../services/subscribe';
import { track } from '../../../services/tracker';
import { chooseWechatAddress } from '../../../services/wechat-address';
import { fullAddress, maskPhone } from '../../../utils/address';
import { ApiError, messageOf } from '../../../utils/errors';
import { orderLines, type OrderLineView } from '../../../utils/order';
import { toast } from '../../../utils/feedback';
import type { DetailEvent, LoadStatus } from '../../../utils/page';
import { idParam, withQuery } from '../../../utils/query';
import { HANDOFF, payResultPath, routes, takeHandoff } from '../../../utils/routes';

type Source = Pick<CreateOrderRequest, 'items' | 'fromCart'>;

/** "Buy now" for one SKU (?skuId&quantity), else the selected cart lines (?from=cart). */
function sourceFrom(query: Record<string, string | undefined>): Source {
  const skuId = idParam(query.skuId);
  const quantity = idParam(query.quantity) ?? 1;
  return skuId ? { items: [{ skuId, quantity }] } : { fromCart: true };
}

Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    address: null as Address | null,
    phone: '',
    addressLine: '',
    lines: [] as OrderLineView[],
    goodsAmount: 0,
    freightAmount: 0,
    payableAmount: 0,
    discountAmount: 0,
    coupons: [] as CheckoutCoupon[],
    selectedCouponId: null as number | null,
    points: null as CheckoutPoints | null,
    usePoints: false,
    remark: '',
    submitting: false,
    phoneMasked: '',
  },
  source: { fromCart: true } as Source,
  /** undefined: the best usable coupon (the API picks it); null: none; else the shopper's pick */
  couponChoice: undefined as number | null | undefined,
  /** one key per submit attempt, kept while an attempt's outcome is unknown (network failure) */
  submitKey: '',
  submitted: false,

  onLoad(query: Record<string, string | undefined>) {
    this.source = sourceFrom(query);
  },

  onShow() {
    track({ type: 'page_view', page: this.route });
    // Back from the address book: the chosen (or newly added) address applies.
    if (!this.submitted) void this.load();
  },

  /**
   * The goods and the real total always show; the address is what the order still needs. A
   * first-time buyer (no address yet) sees an "add address" entry and WeChat's address import
   * above the goods, never an empty page with ¥0.00.
   */
  async load() {
    if (this.data.status !== 'ready') this.setData({ status: 'loading' });
    try {
      const picked = takeHandoff(HANDOFF.checkoutAddress);
      const addresses = await listAddresses();
      const wanted = typeof picked === 'number' ? picked : (this.data.address?.id ?? null);
      const address = preferredAddress(addresses, wanted);
      const preview = await previewOrder({
        ...this.source,
        ...(address ? { addressId: address.id } : {}),
        ...(this.couponChoice !== undefined ? { couponId: this.couponChoice } : {}),
        // the API caps what it prices at the order's maximum (share of the goods, balance)
        ...(this.data.usePoints ? { points: 100_000_000 } : {}),
      });
      this.setData({
        status: 'ready',
        address,
        phone: address ? maskPhone(address.phone) : '',
        addressLine: address ? fullAddress(address) : '',
        lines: orderLines(preview.items),
        goodsAmount: preview.goodsAmount,
        freightAmount: preview.freightAmount,
        payableAmount: preview.payableAmount,
        discountAmount: preview.discountAmount,
        coupons: preview.coupons,
        selectedCouponId: preview.selectedCouponId,
        points: preview.points,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  /** wx.chooseAddress: one of the shopper's WeChat addresses, saved to the book and used here. */
  async onImportAddress() {
    const input = await chooseWechatAddress();
    if (!input) return;
    try {
      const saved = await createAddress(input);
      wx.setStorageSync(HANDOFF.checkoutAddress, saved.id);
      await this.load();
    } catch {
      // request.ts has told the shopper why
    }
  },

  onAddAddress() {
    wx.navigateTo({ url: routes.addressEdit });
  },

  /** getPhoneNumber: the delivery contact's number, when the shopper agrees. */
  async onPhoneNumber(e: DetailEvent<{ code?: string }>) {
    if (!e.detail.code) return;
    const bound = await bindPhoneNumber(e.detail.code);
    if (bound) this.setData({ phoneMasked: bound.phoneMasked });
    else toast('手机号暂未绑定，请稍后再试');
  },

  onAddressTap() {
    wx.navigateTo({ url: withQuery(routes.addressList, { select: 1 }) });
  },

  /** A coupon card, or "不使用优惠券" (id 0); unusable ones only say why. */
  onPickCoupon(e: { currentTarget: { dataset: { id: number } } }) {
    const id = Number(e.currentTarget.dataset.id);
    const coupon = this.data.coupons.find((c) => c.userCouponId === id);
    if (coupon && !coupon.usable) {
      toast(coupon.reason ?? '该券不能用于本订单');
      return;
    }
    this.couponChoice = id === 0 ? null : id;
    void this.load();
  },

  onTogglePoints() {
    if (!this.data.points?.max && !this.data.usePoints) {
      toast('暂无可用积分');
      return;
    }
    this.setData({ usePoints: !this.data.usePoints });
    void this.load();
  },

  onRemarkInput(e: DetailEvent<{ value: string }>) {
    this.setData({ remark: e.detail.value });
  },

  async onSubmit() {
    const address = this.data.address;
    if (this.data.submitting) return;
    if (!address) {
      toast('请先添加收货地址');
      return;
    }
    this.setData({ submitting: true });
    this.submitKey ||= newIdempotencyKey();
    let orderId: number;
    try {
      const remark = this.data.remark.trim();
      const order = await createOrder(
        {
          ...this.source,
          addressId: address.id,
          ...(remark ? { remark } : {}),
          ...(this.data.selectedCouponId ? { couponId: this.data.selectedCouponId } : {}),
          ...(this.data.usePoints && this.data.points?.used ? { points: this.data.points.used } : {}),
        },
        this.submitKey,
      );
      orderId = order.id;
    } catch (err) {
      // Unknown outcome (no answer): the same key next time returns that order if it was made.
      if (!(err instanceof ApiError && err.isNetworkError)) this.submitKey = '';
      this.setData({ submitting: false });
      if (err instanceof ApiError && err.status === 409) void this.load();
      return;
    }
    this.submitted = true;
    this.submitKey = '';
    track({ type: 'checkout', page: this.route });
    // asked on the tap that pays, as WeChat requires (never throws, never blocks the payment)
    await askOrderSubscriptions('pay');
    let outcome = 'failed';
    try {
      outcome = await payOrder(orderId);
    } catch {
      // prepay refused (toasted); the order waits in the list, payable until its deadline
    }
    wx.redirectTo({ url: withQuery(payResultPath(orderId), { outcome }) });
  },
});
