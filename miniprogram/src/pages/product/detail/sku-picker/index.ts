import { toast } from '../../../../utils/feedback';
import type { ProductDetail, Sku } from '../../../../contracts/catalog';
import type { DetailEvent, Tap } from '../../../../utils/page';
import {
  axisViews,
  clampQuantity,
  findSku,
  initialSelection,
  priceView,
  selectValue,
  selectionLabel,
  stockFor,
  type Selection,
} from '../../../../utils/sku';

export type PickerAction = 'cart' | 'buy' | 'both';

/** What the picker emits on confirm. */
export interface PickerConfirm {
  action: 'cart' | 'buy';
  skuId: number;
  quantity: number;
}

/**
 * Bottom sheet to pick one SKU by its spec axes: values that cannot make an SKU in stock with
 * the current picks are greyed out; price and stock follow the selection. All the rules live
 * in utils/sku.ts; this component only renders them.
 */
Component({
  properties: {
    product: { type: Object, value: {} },
    visible: { type: Boolean, value: false },
    /** which confirm buttons to show */
    action: { type: String, value: 'both' },
  },
  data: {
    shownProductId: 0,
    selection: {} as Selection,
    axes: [] as ReturnType<typeof axisViews>,
    image: '',
    skuId: 0,
    priceFen: 0,
    priceUpTo: 0,
    originalFen: 0,
    originalUpTo: 0,
    stockText: '',
    label: '',
    quantity: 1,
    maxQuantity: 1,
    canConfirm: false,
  },
  observers: {
    product() {
      this.start();
    },
  },
  lifetimes: {
    attached() {
      this.start();
    },
  },
  methods: {
    /**
     * Starts over, only for another product: the page re-renders (and may pass the same product
     * again) whenever it takes our change events.
     */
    start() {
      const product = this.detail();
      if (!product || !product.skus || product.id === this.data.shownProductId) return;
      this.setData({ shownProductId: product.id });
      this.render(initialSelection(product.specAxes, product.skus), 1);
    },

    detail(): ProductDetail {
      return this.data.product as unknown as ProductDetail;
    },

    render(selection: Selection, quantity: number) {
      const { specAxes, skus, images } = this.detail();
      const sku: Sku | null = findSku(specAxes, skus, selection);
      const price = priceView(skus, sku);
      const stock = sku ? sku.stock : stockFor(skus, selection);
      const label = selectionLabel(specAxes, selection);
      this.setData({
        selection,
        axes: axisViews(specAxes, skus, selection),
        image: images[0] ?? '',
        skuId: sku ? sku.id : 0,
        priceFen: price?.min ?? 0,
        priceUpTo: price?.max ?? 0,
        originalFen: price?.originalMin ?? 0,
        originalUpTo: price?.originalMax ?? 0,
        stockText: stock > 0 ? `库存 ${stock} 件` : '已售罄',
        label,
        quantity: clampQuantity(quantity, sku ? sku.stock : 1),
        maxQuantity: sku ? clampQuantity(Number.MAX_SAFE_INTEGER, sku.stock) : 1,
        canConfirm: sku !== null && sku.stock > 0,
      });
      this.triggerEvent('change', { label, skuId: sku ? sku.id : 0 });
    },

    onOptionTap(e: Tap<{ axis: string; value: string; disabled: boolean }>) {
      const { axis, value, disabled } = e.currentTarget.dataset;
      if (disabled) return;
      const { specAxes, skus } = this.detail();
      this.render(selectValue(specAxes, skus, this.data.selection, axis, value), this.data.quantity);
    },

    onQuantityChange(e: DetailEvent<{ value: number }>) {
      this.setData({ quantity: e.detail.value });
    },

    onConfirm(e: Tap<{ action: 'cart' | 'buy' }>) {
      if (!this.data.canConfirm) {
        toast(this.data.skuId ? '该规格已售罄' : this.data.label);
        return;
      }
      const confirm: PickerConfirm = {
        action: e.currentTarget.dataset.action,
        skuId: this.data.skuId,
        quantity: this.data.quantity,
      };
      this.triggerEvent('confirm', confirm);
    },

    onClose() {
      this.triggerEvent('close');
    },
  },
});
