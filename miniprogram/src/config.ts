/**
 * Where the API lives for each mini-program version (wx.getAccountInfoSync().miniProgram.envVersion).
 * develop is `npm start` on this machine. trial and release are written by the build
 * (scripts/miniprogram-hosts.mjs) from MINIPROGRAM_TRIAL_API_URL / MINIPROGRAM_RELEASE_API_URL in
 * .env; `npm run miniprogram:build:release` refuses to build while either is missing or a
 * placeholder. Add them to the request domain list (mp.weixin.qq.com → 开发管理 → 服务器域名).
 */
export const API_BASE_URLS: Record<'develop' | 'trial' | 'release', string> = {
  develop: 'http://127.0.0.1:3000',
  // <api-hosts> written by `npm run miniprogram:build`; empty = not configured
  trial: '',
  release: '',
  // </api-hosts>
};

export type EnvVersion = keyof typeof API_BASE_URLS;

/**
 * develop only: a base URL kept in storage under this key wins over API_BASE_URLS.develop, so a
 * phone previewing over the LAN can reach your machine (wx.setStorageSync(key, 'http://192.168.1.5:3000')).
 */
export const API_BASE_OVERRIDE_KEY = 'sut.apiBaseUrl';

export const API_PREFIX = '/api/v1';
