import { productPath } from '../../utils/routes';

/** A product in a list or grid; tapping opens its detail page. */
Component({
  properties: {
    product: { type: Object, value: {} },
    /** 'grid' (two columns) or 'row' (image left, text right) */
    layout: { type: String, value: 'grid' },
    /** in the signed-in shopper's favourites: a small filled heart */
    favourited: { type: Boolean, value: false },
  },
  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: number }>) {
      wx.navigateTo({ url: productPath(e.currentTarget.dataset.id) });
    },
  },
});
