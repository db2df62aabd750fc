import { startWechatSandbox, type WechatSandbox } from '@sutwxapp/wechat-sandbox';
import { Kuaidi100Client } from './client';
import { rejection, tinyServer } from '../__fixtures__/test-utils';
import { Kuaidi100Error } from './errors';

const failure = (p: Promise<unknown>) => rejection(p, Kuaidi100Error);

describe('Kuaidi100Client against the sandbox', () => {
  const STEP = 10 * 60_000;
  let sandbox: WechatSandbox;
  let client: Kuaidi100Client;

  beforeAll(async () => {
    sandbox = await startWechatSandbox({ kuaidi100: { stepMs: STEP } });
    client = new Kuaidi100Client(sandbox.clientOptions().kuaidi100);
  });
  afterAll(() => sandbox.close());

  it('follows a parcel from pick-up to signed as the sandbox clock moves', async () => {
    const q = { com: 'yuantong', num: `YT${Date.now()}` };
    const first = await client.query(q);
    expect(first).toMatchObject({ carrier: 'yuantong', trackingNo: q.num, state: 1, stateText: '揽收', signed: false });
    expect(first.events).toHaveLength(1);
    expect(first.events[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(first.events[0].context).toContain('已揽收');

    sandbox.advanceClock(3 * STEP);
    const moving = await client.query(q);
    expect(moving).toMatchObject({ state: 0, stateText: '在途' });
    expect(moving.events).toHaveLength(4);
    expect(moving.events[0].time > moving.events[3].time).toBe(true); // newest first

    sandbox.advanceClock(2 * STEP);
    expect(await client.query(q)).toMatchObject({ state: 5, stateText: '派件' });
    sandbox.advanceClock(STEP);
    const done = await client.query(q);
    expect(done).toMatchObject({ state: 3, stateText: '签收', signed: true });
    expect(done.events[0].context).toContain('已签收');
    expect(sandbox.stats.trackingQueries(q.num)).toBe(4);
  });

  it('answers a SIGNED… number as signed long ago, and includes raw on request', async () => {
    const r = await client.query({ com: 'ems', num: 'SIGNED0001', includeRaw: true });
    expect(r).toMatchObject({ state: 3, signed: true, raw: { ischeck: '1', status: '200', condition: 'F00' } });
    expect(Date.parse(r.events[0].time)).toBeLessThan(Date.now() - 7 * 24 * 3600 * 1000);
  });

  it('needs a phone for SF and 中通, and refuses a wrong one', async () => {
    expect((await failure(client.query({ com: 'shunfeng', num: 'SF1001' }))).kind).toBe('PHONE_MISMATCH');
    expect((await failure(client.query({ com: 'zhongtong', num: 'ZT1001', phone: '13800000000' }))).returnCode).toBe(
      '408',
    );
    expect((await client.query({ com: 'shunfeng', num: 'SF1001', phone: '5678' })).state).toBe(1);
  });

  it.each([
    ['NORESULT01', '500', 'NO_RESULT'],
    ['QUOTA0001', '601', 'QUOTA'],
    ['DOWN00001', '502', 'UNAVAILABLE'],
  ])('maps %s to returnCode %s / %s', async (num, returnCode, kind) => {
    const e = await failure(client.query({ com: 'yunda', num }));
    expect(e).toMatchObject({ returnCode, kind });
  });

  it('reports a stalled parcel as 疑难', async () => {
    await client.query({ com: 'jd', num: 'PROBLEM01' });
    sandbox.advanceClock(10 * STEP);
    expect(await client.query({ com: 'jd', num: 'PROBLEM01' })).toMatchObject({
      state: 2,
      stateText: '疑难',
      signed: false,
    });
  });

  it('rejects a wrong key (503), an unknown customer and an unknown carrier (400)', async () => {
    const { customer } = sandbox.credentials.kuaidi100;
    const badKey = new Kuaidi100Client({ baseUrl: sandbox.url, customer, key: 'wrong' });
    expect((await failure(badKey.query({ com: 'yunda', num: 'YD1' }))).kind).toBe('BAD_SIGN');
    const stranger = new Kuaidi100Client({ baseUrl: sandbox.url, customer: 'NOBODY', key: 'k' });
    expect((await failure(stranger.query({ com: 'yunda', num: 'YD1' }))).kind).toBe('BAD_REQUEST');
    expect((await failure(client.query({ com: 'nosuchcarrier', num: 'YD1' }))).kind).toBe('BAD_REQUEST');
  });

  it('answers 数据不完整 to a JSON body', async () => {
    const res = await fetch(`${sandbox.url}/poll/query.do`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer: sandbox.credentials.kuaidi100.customer, param: '{}', sign: 'x' }),
    });
    expect(await res.json()).toEqual({ result: false, returnCode: '400', message: '数据不完整' });
  });
});

describe('Kuaidi100Client parsing and transport', () => {
  let answer: string;
  let fake: Awaited<ReturnType<typeof tinyServer>>;
  let client: Kuaidi100Client;
  beforeAll(async () => {
    fake = await tinyServer((_req, res) => res.end(answer));
    client = new Kuaidi100Client({ baseUrl: fake.url, customer: 'c', key: 'k' });
  });
  afterAll(() => fake.stop());

  it('accepts numeric state and ischeck and sorts events newest first', async () => {
    answer = JSON.stringify({
      message: 'ok',
      nu: 'N1',
      com: 'yuantong',
      status: 200,
      state: 304,
      ischeck: 1,
      data: [
        { time: '2020-07-01 09:00:00', context: 'a', location: '' },
        { time: '2020-07-01 17:09:24', context: 'b', location: '上海' },
      ],
    });
    const r = await client.query({ com: 'yuantong', num: 'N1' });
    expect(r).toMatchObject({ state: 304, baseState: 3, stateText: '投柜或站签收', signed: true });
    expect(r.events.map((e) => e.time)).toEqual(['2020-07-01T17:09:24+08:00', '2020-07-01T09:00:00+08:00']);
  });

  it('checks returnCode first, even when numeric', async () => {
    answer = JSON.stringify({ result: false, returnCode: 500, message: '查询无结果，请隔段时间再查' });
    const e = await failure(client.query({ com: 'ems', num: 'x' }));
    expect(e).toMatchObject({ returnCode: '500', kind: 'NO_RESULT' });
    expect(e.message).toContain('查询无结果');
  });

  it('maps non-JSON, timeouts and refused connections to UNAVAILABLE', async () => {
    answer = '<html>busy</html>';
    expect((await failure(client.query({ com: 'ems', num: 'x' }))).kind).toBe('UNAVAILABLE');
    const hang = await tinyServer(() => undefined);
    try {
      const slow = new Kuaidi100Client({ baseUrl: hang.url, customer: 'c', key: 'k', timeoutMs: 100 });
      expect(await failure(slow.query({ com: 'ems', num: 'x' }))).toMatchObject({
        returnCode: null,
        kind: 'UNAVAILABLE',
      });
    } finally {
      hang.stop();
    }
    const dead = new Kuaidi100Client({ baseUrl: 'http://127.0.0.1:9', customer: 'c', key: 'k' });
    expect((await failure(dead.query({ com: 'ems', num: 'x' }))).kind).toBe('UNAVAILABLE');
  });
});
