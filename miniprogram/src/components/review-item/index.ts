import type { Tap } from '../../utils/page';

/** One public review (see utils/review reviewView): author, stars, text, photos, follow-up, reply. */
Component({
  properties: {
    review: { type: Object, value: {} },
  },
  methods: {
    onPhoto(e: Tap<{ urls: string[]; url: string }>) {
      const { urls, url } = e.currentTarget.dataset;
      wx.previewImage({ urls, current: url });
    },
  },
});
