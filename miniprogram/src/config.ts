/**
 * Where the API lives for each mini-program version (wx.getAccountInfoSync().miniProgram.envVersion).
 * develop is `npm start` on this machine; set trial and release to your HTTPS API origins and add
 * them to the mini-program's request domain list (mp.weixin.qq.com → 开发管理 → 服务器域名).
 */
export const API_BASE_URLS = {
  develop: 'http://127.0.0.1:3000',
  trial: 'https://trial-api.sutwxapp.example.com',
  release: 'https://api.sutwxapp.example.com',
} as const;

export type EnvVersion = keyof typeof API_BASE_URLS;

/**
 * develop only: a base URL kept in storage under this key wins over API_BASE_URLS.develop, so a
 * phone previewing over the LAN can reach your machine (wx.setStorageSync(key, 'http://192.168.1.5:3000')).
 */
export const API_BASE_OVERRIDE_KEY = 'sut.apiBaseUrl';

export const API_PREFIX = '/api/v1';
