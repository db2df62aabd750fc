import type { AddCartItemRequest, CartView, UpdateCartItemRequest } from '../contracts/cart';
import { api } from './request';

export const getCart = () => api.get<CartView>('/cart/items');

export const addToCart = (body: AddCartItemRequest) => api.post<CartView>('/cart/items', body, { loading: '加入中' });

export const updateCartItem = (id: number, body: UpdateCartItemRequest) =>
  api.patch<CartView>(`/cart/items/${id}`, body);

export const selectAllCartItems = (selected: boolean) => api.post<CartView>('/cart/items/select-all', { selected });

export const removeCartItem = (id: number) => api.del(`/cart/items/${id}`);
