import type { Address } from '../../../contracts/address';
import type { CreateOrderRequest } from '../../../contracts/order';
import { listAddresses, preferredAddress } from '../../../services/address';
import { createOrder, newIdempotencyKey, previewOrder } from '../../../services/order';
import { payOrder } from '../../../services/payment';
import { track } from '../../../services/tracker';
import { fullAddress, maskPhone } from '../../../utils/address';
import { ApiError, messageOf } from '../../../utils/errors';
import { orderLines, type OrderLineView } from '../../../utils/order';
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
    remark: '',
    submitting: false,
  },
  source: { fromCart: true } as Source,
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

  async load() {
    if (this.data.status !== 'ready') this.setData({ status: 'loading' });
    try {
      const picked = takeHandoff(HANDOFF.checkoutAddress);
      const addresses = await listAddresses();
      const wanted = typeof picked === 'number' ? picked : (this.data.address?.id ?? null);
      const address = preferredAddress(addresses, wanted);
      if (!address) {
        this.setData({ status: 'ready', address: null, payableAmount: 0 });
        return;
      }
      const preview = await previewOrder({ ...this.source, addressId: address.id });
      this.setData({
        status: 'ready',
        address,
        phone: maskPhone(address.phone),
        addressLine: fullAddress(address),
        lines: orderLines(preview.items),
        goodsAmount: preview.goodsAmount,
        freightAmount: preview.freightAmount,
        payableAmount: preview.payableAmount,
      });
    } catch (err) {
      this.setData({ status: 'error', errorMessage: messageOf(err) });
    }
  },

  onAddressTap() {
    wx.navigateTo({ url: withQuery(routes.addressList, { select: 1 }) });
  },

  onRemarkInput(e: DetailEvent<{ value: string }>) {
    this.setData({ remark: e.detail.value });
  },

  async onSubmit() {
    const address = this.data.address;
    if (this.data.submitting) return;
    if (!address) {
      wx.showToast({ title: '请先添加收货地址', icon: 'none' });
      return;
    }
    this.setData({ submitting: true });
    this.submitKey ||= newIdempotencyKey();
    let orderId: number;
    try {
      const remark = this.data.remark.trim();
      const order = await createOrder(
        { ...this.source, addressId: address.id, ...(remark ? { remark } : {}) },
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
    let outcome = 'failed';
    try {
      outcome = await payOrder(orderId);
    } catch {
      // prepay refused (toasted); the order waits in the list, payable until its deadline
    }
    wx.redirectTo({ url: withQuery(payResultPath(orderId), { outcome }) });
  },
});
