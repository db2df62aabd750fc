import type { AfterSale, AfterSaleList, AfterSaleOrderStateList, CreateAfterSaleRequest } from '../contracts/aftersale';
import type { MediaUploadResult } from '../contracts/media';
import { uploadOnce } from './avatar';
import { apiRoot } from './env';
import { api, errorFrom, withSession } from './request';

export const createAfterSale = (body: CreateAfterSaleRequest) =>
  api.post<AfterSale>('/aftersales', body, { loading: '提交中' });

export const listAfterSales = (orderId?: number) =>
  api.get<AfterSaleList>('/aftersales', { query: orderId ? { orderId } : {} });

/** The after-sale state of each order of a page of orders (the list's badges): one request per page. */
export const afterSaleStates = (orderIds: number[]) =>
  api.get<AfterSaleOrderStateList>('/aftersales/by-orders', { query: { orderIds: orderIds.join(',') } });

export const cancelAfterSale = (id: number) =>
  api.post<AfterSale>(`/aftersales/${id}/cancel`, {}, { loading: '撤销中' });

/** A photo the shopper picked (temporary file) uploaded as a review-kind image; answers its ref. */
export async function uploadPhoto(tempPath: string): Promise<string> {
  const res = await withSession((token) => uploadOnce(`${apiRoot()}/media?kind=review`, tempPath, token));
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFrom(res);
  return (res.data as MediaUploadResult).items[0].ref;
}

/** wx.chooseMedia for up to `count` images; [] when the shopper cancels. */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
}
