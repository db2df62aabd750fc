import type { Fen } from './common';
import type { SpecValues } from './catalog';

export interface AddCartItemRequest {
  skuId: number;
  quantity: number;
}

export interface UpdateCartItemRequest {
  quantity?: number;
  selected?: boolean;
}

export interface SelectAllRequest {
  selected: boolean;
}

export type CartItemState = 'available' | 'insufficient_stock' | 'sold_out' | 'off_shelf';

export interface CartItem {
  id: number;
  skuId: number;
  productId: number;
  title: string;
  image: string | null;
  specs: SpecValues;
  /** current price from the catalog, not the price when added */
  price: Fen;
  quantity: number;
  selected: boolean;
  stock: number;
  state: CartItemState;
}

export interface CartView {
  items: CartItem[];
  /** sum over selected, available items */
  selectedCount: number;
  selectedTotal: Fen;
}
