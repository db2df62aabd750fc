import { DEVTOOLS_TOURIST_LOGIN_CODE } from './support/fake-wx';
import type { MiniProgram } from './support/mini-program';

/**
 * The scripted purchase journey (journey.test.ts), exactly as written, on a phone that is WeChat
 * DevTools in tourist mode: every wx.login() returns "the code is a mock one". The README's default
 * path opens the project with `touristappid`, so this is the first run most developers see.
 */
const phones: MiniProgram[] = [];

jest.mock('./support/mini-program', () => {
  const harness = jest.requireActual<typeof import('./support/mini-program')>('./support/mini-program');
  const { DEVTOOLS_TOURIST_LOGIN_CODE: tourist } =
    jest.requireActual<typeof import('./support/fake-wx')>('./support/fake-wx');
  const start = harness.MiniProgram.start.bind(harness.MiniProgram);
  harness.MiniProgram.start = (apiBaseUrl: string) => {
    const mp = start(apiBaseUrl, tourist);
    phones.push(mp);
    return mp;
  };
  return harness;
});

// registers the journey's describe block here, with the harness above
jest.requireActual('./journey.test');

describe('the journey ran as DevTools in tourist mode', () => {
  it('logged in with the placeholder code, and only with it', () => {
    expect(phones.length).toBeGreaterThan(0);
    for (const mp of phones) {
      const logins = mp.wx.requests.filter((r) => r.path === '/api/v1/auth/wechat-login');
      expect(logins.length).toBeGreaterThan(0);
      for (const login of logins) {
        expect(login.body).toEqual({ code: DEVTOOLS_TOURIST_LOGIN_CODE });
        expect(login.status).toBe(200);
      }
    }
  });
});
