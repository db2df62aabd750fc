import type { CartView } from '../contracts/cart';

/** The cart is the third tab (app.json tabBar.list). */
const CART_TAB = 2;

let shown = 0;

/** Pieces in the cart (sold-out lines too: they are still there until removed). */
export function cartPieces(view: CartView): number {
  return view.items.reduce((n, item) => n + item.quantity, 0);
}

/** The count the badge shows now (0 when unknown or empty). */
export const cartBadgeCount = (): number => shown;

/**
 * Keeps the cart tab's badge in step with a cart the API has just answered: every cart call
 * passes its answer through here, so the badge is never older than the last cart the shopper saw.
 */
export function showCart(view: CartView): CartView {
  shown = cartPieces(view);
  if (shown > 0)
    wx.setTabBarBadge({ index: CART_TAB, text: shown > 99 ? '99+' : String(shown), fail: () => undefined });
  else wx.removeTabBarBadge({ index: CART_TAB, fail: () => undefined });
  return view;
}
