import { ErrorCode } from '@sutwxapp/contracts';
import { mapCode2SessionErrcode, WechatApiError } from './errors';

describe('mapCode2SessionErrcode', () => {
  it.each([
    [40029, 'INVALID_CODE', 401, ErrorCode.INVALID_LOGIN_CODE],
    [40163, 'INVALID_CODE', 401, ErrorCode.INVALID_LOGIN_CODE],
    [45011, 'RATE_LIMITED', 429, ErrorCode.WECHAT_RATE_LIMITED],
    [40226, 'BLOCKED', 403, ErrorCode.WECHAT_LOGIN_BLOCKED],
    [40013, 'CONFIG', 503, ErrorCode.WECHAT_UNAVAILABLE],
    [40125, 'CONFIG', 503, ErrorCode.WECHAT_UNAVAILABLE],
    [-1, 'UNAVAILABLE', 503, ErrorCode.WECHAT_UNAVAILABLE],
    [null, 'UNAVAILABLE', 503, ErrorCode.WECHAT_UNAVAILABLE],
    [40066, 'UNAVAILABLE', 503, ErrorCode.WECHAT_UNAVAILABLE],
    [99999, 'UNAVAILABLE', 503, ErrorCode.WECHAT_UNAVAILABLE],
  ])('errcode %p → %s / %i / %s', (errcode, kind, httpStatus, code) => {
    expect(mapCode2SessionErrcode(errcode)).toEqual({ kind, httpStatus, code });
  });

  it('WechatApiError carries the mapping', () => {
    const e = new WechatApiError(45011, 'x');
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'WechatApiError', errcode: 45011, kind: 'RATE_LIMITED', httpStatus: 429 });
  });
});
