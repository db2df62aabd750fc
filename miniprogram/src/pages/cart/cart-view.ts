import type { CartItem, CartView } from '../../contracts/cart';
import { MAX_LINE_QUANTITY, specsText } from '../../utils/sku';

export interface CartLineView extends CartItem {
  specsLabel: string;
  /** why the line cannot be bought as it is, or '' */
  notice: string;
  /** the stepper's upper bound: the stock, but never below the quantity already in the cart */
  maxQuantity: number;
}

export interface CartScreen {
  lines: CartLineView[];
  unavailable: CartLineView[];
  allSelected: boolean;
  selectedCount: number;
  selectedTotal: number;
}

const NOTICE: Record<CartItem['state'], (item: CartItem) => string> = {
  available: () => '',
  insufficient_stock: (item) => `库存仅剩 ${item.stock} 件，请减少数量`,
  sold_out: () => '已售罄',
  off_shelf: () => '已下架',
};

/**
 * The cart as the page shows it: buyable lines (in stock, or with too little stock for the
 * quantity) above, sold-out and off-shelf ones apart. Totals are the API's, never re-added here.
 */
export function cartScreen(view: CartView): CartScreen {
  const toLine = (item: CartItem): CartLineView => ({
    ...item,
    specsLabel: specsText(item.specs),
    notice: NOTICE[item.state](item),
    maxQuantity: Math.min(MAX_LINE_QUANTITY, Math.max(item.stock, item.quantity)),
  });
  const lines = view.items.filter((i) => i.state === 'available' || i.state === 'insufficient_stock').map(toLine);
  return {
    lines,
    unavailable: view.items.filter((i) => i.state === 'sold_out' || i.state === 'off_shelf').map(toLine),
    allSelected: lines.length > 0 && lines.every((l) => l.selected),
    selectedCount: view.selectedCount,
    selectedTotal: view.selectedTotal,
  };
}
