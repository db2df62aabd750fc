import { CARRIERS, findCarrier } from './carriers';
import { kuaidi100ErrorKind } from './errors';
import { kuaidi100Sign } from './sign';
import { baseState, stateText } from './state';

describe('kuaidi100Sign', () => {
  it('V5: MD5(param + key + customer), upper-case hex', () => {
    const param = '{"com":"yuantong","num":"YT123456","phone":"13888888888"}';
    expect(kuaidi100Sign(param, 'test-key', 'test-customer')).toBe('8F0520A6257140F3C41DE58E2DB9CC30');
    // a re-serialised param (spacing) is a different signature
    expect(kuaidi100Sign(JSON.stringify(JSON.parse(param), null, 1), 'test-key', 'test-customer')).not.toBe(
      '8F0520A6257140F3C41DE58E2DB9CC30',
    );
  });
});

describe('state codes', () => {
  it.each([
    [0, '在途', 0],
    [3, '签收', 3],
    [14, '拒签', 14],
    [103, '已揽收', 1],
    [1001, '到达派件城市', 0],
    [304, '投柜或站签收', 3],
    [305, '签收', 3], // unknown sub-code: by leading digit
    [1004, '在途', 0], // unknown in-transit sub-code
    [209, '疑难', 2],
    [99, '未知', 9],
  ])('%i → %s (base %i)', (code, text, base) => {
    expect(stateText(code)).toBe(text);
    expect(baseState(code)).toBe(base);
  });
});

describe('carriers and error kinds', () => {
  it('marks the carriers that need a phone', () => {
    expect(CARRIERS.filter((c) => c.phoneRequired).map((c) => c.code)).toEqual(['shunfeng', 'zhongtong', 'fengwang']);
    expect(findCarrier(' ShunFeng ')?.name).toBe('顺丰速运');
    expect(findCarrier('nope')).toBeUndefined();
    expect(new Set(CARRIERS.map((c) => c.code)).size).toBe(CARRIERS.length);
  });

  it.each([
    ['500', 'NO_RESULT'],
    ['400', 'BAD_REQUEST'],
    ['408', 'PHONE_MISMATCH'],
    ['503', 'BAD_SIGN'],
    ['601', 'QUOTA'],
    ['501', 'UNAVAILABLE'],
    ['502', 'UNAVAILABLE'],
    ['999', 'UNAVAILABLE'],
    [null, 'UNAVAILABLE'],
  ])('returnCode %p → %s', (code, kind) => {
    expect(kuaidi100ErrorKind(code)).toBe(kind);
  });
});
