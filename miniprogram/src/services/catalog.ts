import type { CategoryNode, HomePage, ProductDetail, ProductListQuery, ProductPage } from '../contracts/catalog';
import { api } from './request';
import { currentToken } from './session';

// The catalog is public: no login needed to browse.
export const getHome = () => api.get<HomePage>('/catalog/home', { auth: false });

export const getCategoryTree = () => api.get<CategoryNode[]>('/catalog/categories', { auth: false });

export const listProducts = (query: ProductListQuery) =>
  api.get<ProductPage>('/catalog/products', { auth: false, query: { ...query } });

/** Public, but a signed-in shopper's token goes along (never a login for it): the view joins their browsing history. */
export const getProduct = (id: number) => {
  const token = currentToken();
  return api.get<ProductDetail>(`/catalog/products/${id}`, {
    auth: false,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
};
