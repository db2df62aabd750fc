import type { CategoryNode, HomePage, ProductDetail, ProductListQuery, ProductPage } from '../contracts/catalog';
import { api } from './request';

// The catalog is public: no login needed to browse.
export const getHome = () => api.get<HomePage>('/catalog/home', { auth: false });

export const getCategoryTree = () => api.get<CategoryNode[]>('/catalog/categories', { auth: false });

export const listProducts = (query: ProductListQuery) =>
  api.get<ProductPage>('/catalog/products', { auth: false, query: { ...query } });

export const getProduct = (id: number) => api.get<ProductDetail>(`/catalog/products/${id}`, { auth: false });
