import type { AfterSaleType } from '../../../contracts/aftersale';
import type { OrderItem } from '../../../contracts/order';
import { choosePhotos, createAfterSale, uploadPhoto } from '../../../services/aftersale';
import { getOrder } from '../../../services/order';
import { messageOf } from '../../../utils/errors';
import { toast } from '../../../utils/feedback';
import { loadInto } from '../../../utils/load';
import type { DetailEvent, LoadStatus } from '../../../utils/page';
import { idParam, withQuery } from '../../../utils/query';
import { routes } from '../../../utils/routes';

const MAX_PHOTOS = 6;
const REASONS = ['商品破损', '少件/漏发', '质量问题', '与描述不符', '不想要了', '未收到货'];

/** One order line (?orderId&skuId): refund only or return and refund, quantity, reason, up to 6 photos. */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    line: null as OrderItem | null,
    type: 'REFUND_ONLY' as AfterSaleType,
    quantity: 1,
    reasons: REASONS,
    reason: '',
    description: '',
    photos: [] as Array<{ path: string; ref: string }>,
    submitting: false,
  },
  orderId: 0,
  skuId: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.orderId) ?? 0;
    this.skuId = idParam(query.skuId) ?? 0;
    void this.load();
  },

  load() {
    return loadInto(this, false, async () => {
      const order = await getOrder(this.orderId);
      const line = order.items.find((i) => i.skuId === this.skuId) ?? order.items[0] ?? null;
      if (line) this.skuId = line.skuId;
      this.setData({ status: 'ready', line, quantity: line?.quantity ?? 1 });
    });
  },

  onType(e: { currentTarget: { dataset: { type: AfterSaleType } } }) {
    this.setData({ type: e.currentTarget.dataset.type });
  },

  onQuantity(e: DetailEvent<{ value: number }>) {
    this.setData({ quantity: e.detail.value });
  },

  onReason(e: { currentTarget: { dataset: { reason: string } } }) {
    this.setData({ reason: e.currentTarget.dataset.reason });
  },

  onDescription(e: DetailEvent<{ value: string }>) {
    this.setData({ description: e.detail.value });
  },

  /** Picked photos are uploaded at once; the request then names their refs. */
  async onAddPhoto() {
    const left = MAX_PHOTOS - this.data.photos.length;
    if (left <= 0) return;
    const paths = await choosePhotos(left);
    for (const path of paths) {
      try {
        const ref = await uploadPhoto(path);
        this.setData({ photos: [...this.data.photos, { path, ref }] });
      } catch (err) {
        toast(messageOf(err));
      }
    }
  },

  onRemovePhoto(e: { currentTarget: { dataset: { index: number } } }) {
    const photos = this.data.photos.filter((_, i) => i !== Number(e.currentTarget.dataset.index));
    this.setData({ photos });
  },

  async onSubmit() {
    if (this.data.submitting) return;
    if (!this.data.reason) {
      toast('请选择售后原因');
      return;
    }
    this.setData({ submitting: true });
    try {
      const description = this.data.description.trim();
      await createAfterSale({
        orderId: this.orderId,
        skuId: this.skuId,
        quantity: this.data.quantity,
        type: this.data.type,
        reason: this.data.reason,
        ...(description ? { description } : {}),
        photos: this.data.photos.map((p) => p.ref),
      });
      wx.redirectTo({ url: withQuery(routes.aftersaleList, { orderId: this.orderId }) });
    } catch {
      // request.ts has told the shopper why
      this.setData({ submitting: false });
    }
  },
});
