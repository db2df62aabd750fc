import type { AddCartItemRequest, CartView, UpdateCartItemRequest } from '../contracts/cart';
import { showCart } from './cart-badge';
import { api } from './request';

// Every answer that is a whole cart also refreshes the tab bar's badge.
export const getCart = () => api.get<CartView>('/cart/items').then(showCart);

export const addToCart = (body: AddCartItemRequest) =>
  api.post<CartView>('/cart/items', body, { loading: '加入中' }).then(showCart);

export const updateCartItem = (id: number, body: UpdateCartItemRequest) =>
  api.patch<CartView>(`/cart/items/${id}`, body).then(showCart);

export const selectAllCartItems = (selected: boolean) =>
  api.post<CartView>('/cart/items/select-all', { selected }).then(showCart);

export const removeCartItem = (id: number) => api.del(`/cart/items/${id}`);

/** The badge on pages that do not show the cart (home, product): silent when it cannot load. */
export async function refreshCartBadge(): Promise<void> {
  try {
    await getCart();
  } catch {
    // not logged in yet, or offline: the badge keeps what it showed
  }
}
