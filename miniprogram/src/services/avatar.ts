import type { UserProfile } from '../contracts/auth';
import type { MediaKind, MediaUploadResult } from '../contracts/media';
import { ApiError, ClientErrorCode } from '../utils/errors';
import { apiRoot } from './env';
import type { HttpResponse } from './http';
import { api, errorFrom, withSession } from './request';
import { rememberUser } from './session';

/** wx.uploadFile as a promise: resolves for every HTTP answer (JSON parsed), rejects with no answer. */
export function uploadOnce(url: string, filePath: string, token: string): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: 30000,
      success: (res) => {
        // uploadFile hands back the body as text, whatever its type
        let data: unknown = res.data;
        try {
          data = JSON.parse(res.data);
        } catch {
          /* not JSON: an HTML error page from a proxy, kept as text */
        }
        resolve({ statusCode: res.statusCode, data });
      },
      fail: (err) => reject(new ApiError(0, ClientErrorCode.NETWORK_ERROR, err.errMsg)),
    });
  });
}

/**
 * One of the shopper's temporary files uploaded to POST /media?kind=… (avatar, review photos);
 * rejects with an ApiError whose message is one line for the shopper.
 */
export async function uploadMedia(tempPath: string, kind: MediaKind): Promise<MediaUploadResult['items'][number]> {
  const url = `${apiRoot()}/media?kind=${kind}`;
  const res = await withSession((token) => uploadOnce(url, tempPath, token));
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFrom(res);
  return (res.data as MediaUploadResult).items[0];
}

/**
 * The avatar the shopper picked with the chooseAvatar button. WeChat hands the page a TEMPORARY
 * file (http://tmp/… in DevTools, wxfile://… on a phone) that nobody else can load: it is
 * uploaded to POST /media?kind=avatar (same API base and token handling as every request), then
 * its ref is saved with PATCH /me. The profile answers the URL to show: the API's copy, shown to
 * its owner at once and to others only after WeChat's content check passes.
 * Rejects with an ApiError whose message is one line for the shopper.
 */
export async function uploadAvatar(tempPath: string): Promise<UserProfile> {
  const uploaded = await uploadMedia(tempPath, 'avatar');
  // the page says what failed, once: no toast from request() as well
  const user = await api.patch<UserProfile>('/me', { avatarUrl: uploaded.ref }, { toast: false });
  rememberUser(user);
  return user;
}
