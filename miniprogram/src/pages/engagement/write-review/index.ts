import { REVIEW_LIMITS, type ReviewableItem } from '../../../contracts/review';
import { uploadMedia } from '../../../services/avatar';
import { followUpReview, pendingReviews, writeReview } from '../../../services/engagement';
import { track } from '../../../services/tracker';
import { messageOf } from '../../../utils/errors';
import { showLoading, toast } from '../../../utils/feedback';
import { loadInto } from '../../../utils/load';
import type { DetailEvent, LoadStatus, Tap } from '../../../utils/page';
import { idParam } from '../../../utils/query';
import { specsText } from '../../../utils/sku';

type Item = ReviewableItem & { specsLabel: string };

const RATING_TEXT = ['', '非常差', '差', '一般', '好', '非常好'];

/**
 * "To review": the items of completed orders (one order's, with ?orderId) still taking a review
 * or a follow-up; picking one opens the form (stars, text, up to 9 photos, anonymous).
 */
Page({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    items: [] as Item[],
    /** the item being reviewed; null shows the list */
    current: null as Item | null,
    followUp: false,
    rating: 5,
    ratingText: RATING_TEXT[5],
    content: '',
    photos: [] as string[],
    anonymous: false,
    maxLength: REVIEW_LIMITS.contentMaxLength,
    maxImages: REVIEW_LIMITS.maxImages,
    submitting: false,
  },
  orderId: null as number | null,
  orderItemId: null as number | null,

  onLoad(query: Record<string, string | undefined>) {
    this.orderId = idParam(query.orderId);
    this.orderItemId = idParam(query.orderItemId);
    track({ type: 'page_view', page: this.route });
    void this.load();
  },

  load() {
    return loadInto(this, false, async () => {
      const pending = await pendingReviews();
      const items = pending.items
        .filter((i) => this.orderId === null || i.orderId === this.orderId)
        .map((i) => ({ ...i, specsLabel: specsText(i.specs) }));
      this.setData({ items, status: items.length === 0 ? 'empty' : 'ready' });
      const only = items.find((i) => i.orderItemId === this.orderItemId);
      if (only) this.open(only, !only.canReview);
    });
  },

  open(item: Item, followUp: boolean) {
    this.setData({
      current: item,
      followUp,
      rating: 5,
      ratingText: RATING_TEXT[5],
      content: '',
      photos: [],
      anonymous: false,
    });
    wx.setNavigationBarTitle({ title: followUp ? '追加评价' : '评价晒单' });
  },

  onPick(e: Tap<{ index: number; follow: boolean }>) {
    const { index, follow } = e.currentTarget.dataset;
    this.open(this.data.items[index], Boolean(follow));
  },

  onBackToList() {
    this.setData({ current: null });
  },

  onRate(e: DetailEvent<{ value: number }>) {
    const rating = Math.min(5, Math.max(1, Math.round(e.detail.value)));
    this.setData({ rating, ratingText: RATING_TEXT[rating] });
  },

  onContent(e: DetailEvent<{ value: string }>) {
    this.setData({ content: e.detail.value.slice(0, REVIEW_LIMITS.contentMaxLength) });
  },

  onAnonymous(e: DetailEvent<{ value: boolean }>) {
    this.setData({ anonymous: e.detail.value });
  },

  onAddPhotos() {
    const room = REVIEW_LIMITS.maxImages - this.data.photos.length;
    if (room <= 0) return;
    wx.chooseMedia({
      count: room,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => {
        const picked = res.tempFiles.map((f) => f.tempFilePath).slice(0, room);
        this.setData({ photos: [...this.data.photos, ...picked] });
      },
    });
  },

  onRemovePhoto(e: Tap<{ index: number }>) {
    const photos = this.data.photos.filter((_, i) => i !== e.currentTarget.dataset.index);
    this.setData({ photos });
  },

  async onSubmit() {
    const { current, content, photos, rating, anonymous, followUp, submitting } = this.data;
    if (!current || submitting) return;
    const text = content.trim();
    if (!text) {
      toast('请写下您的评价内容');
      return;
    }
    this.setData({ submitting: true });
    try {
      const images = await this.uploadPhotos(photos);
      if (images === null) return;
      const written =
        followUp && current.reviewId
          ? await followUpReview(current.reviewId, { content: text, images })
          : await writeReview({ orderItemId: current.orderItemId, rating, content: text, images, anonymous });
      toast(written.status === 'PUBLISHED' ? '评价成功' : '评价已提交，审核通过后展示', 'success');
      this.setData({ current: null });
      await this.load();
      // back where the shopper came from once nothing here is left to review (follow-ups can wait)
      if (this.orderItemId !== null || !this.data.items.some((i) => i.canReview)) wx.navigateBack({ delta: 1 });
    } catch {
      // request.ts has told the shopper (e.g. 内容含违规信息); the form stays as it was
    } finally {
      this.setData({ submitting: false });
    }
  },

  /** Every photo through POST /media?kind=review; null (after telling the shopper) when one fails. */
  async uploadPhotos(paths: string[]): Promise<string[] | null> {
    if (paths.length === 0) return [];
    const done = showLoading('图片上传中');
    try {
      const refs: string[] = [];
      for (const path of paths) refs.push((await uploadMedia(path, 'review')).ref);
      return refs;
    } catch (err) {
      toast(`图片上传失败：${messageOf(err)}`);
      return null;
    } finally {
      done();
    }
  },
});
