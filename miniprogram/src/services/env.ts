import { API_BASE_OVERRIDE_KEY, API_BASE_URLS, API_PREFIX, type EnvVersion } from '../config';

export function envVersion(): EnvVersion {
  try {
    const version = wx.getAccountInfoSync().miniProgram.envVersion;
    return version in API_BASE_URLS ? version : 'release';
  } catch {
    return 'release';
  }
}

/** True in DevTools and developer previews, where the sandbox's test helpers may be offered. */
export const isDevelop = (): boolean => envVersion() === 'develop';

/** e.g. http://127.0.0.1:3000/api/v1 */
export function apiRoot(): string {
  const env = envVersion();
  let base: string = API_BASE_URLS[env];
  if (env === 'develop') {
    const override: unknown = wx.getStorageSync(API_BASE_OVERRIDE_KEY);
    if (typeof override === 'string' && /^https?:\/\//.test(override)) base = override;
  }
  return `${base.replace(/\/+$/, '')}${API_PREFIX}`;
}
