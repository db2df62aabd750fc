import { createHash } from 'node:crypto';
import { formatRfc3339Beijing } from '@sutwxapp/wechat';

export interface TrackEvent {
  /** ms since epoch */
  at: number;
  state: number;
  context: string;
  location: string;
}

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆', '苏州', '长沙'];
const HUBS = ['郑州', '武汉', '济南', '合肥', '南昌', '石家庄'];
const COURIERS = ['张师傅', '李师傅', '王师傅', '刘师傅'];

/** "yyyy-MM-dd HH:mm:ss" in Beijing time, as Kuaidi100 reports it. */
export function beijingTime(ms: number): string {
  return formatRfc3339Beijing(ms).slice(0, 19).replace('T', ' ');
}

/**
 * The whole life of a parcel, deterministic per (carrier, number): picked up, through two
 * transfer centres, out for delivery, signed. Step k happens `k * stepMs` after `start`.
 * `problem` parcels stall with state 2 (疑难) after reaching the destination hub.
 */
export function parcelTimeline(
  carrierName: string,
  num: string,
  start: number,
  stepMs: number,
  problem = false,
): TrackEvent[] {
  const seed = createHash('sha256').update(num).digest();
  const from = CITIES[seed[0] % CITIES.length];
  let to = CITIES[seed[1] % CITIES.length];
  if (to === from) to = CITIES[(seed[1] + 1) % CITIES.length];
  const hub = HUBS[seed[2] % HUBS.length];
  const courier = COURIERS[seed[3] % COURIERS.length];
  const phone = `1${String(3 + (seed[4] % 7))}${String(seed.readUInt32BE(5) % 1e9).padStart(9, '0')}`;
  const steps: Array<[number, string, string]> = [
    [1, `【${from}市】${carrierName} ${from}浦江营业部 已揽收`, from],
    [0, `【${from}市】快件已发往 ${from}转运中心`, from],
    [0, `【${from}转运中心】已发出 下一站 【${hub}转运中心】`, `${from}转运中心`],
    [0, `【${hub}转运中心】已发出 下一站 【${to}转运中心】`, `${hub}转运中心`],
    [0, `【${to}转运中心】快件已到达 ${to}转运中心`, `${to}转运中心`],
  ];
  if (problem) {
    steps.push([2, `【${to}市】快件地址不详，派送受阻，请联系快递员 ${courier} ${phone}`, to]);
  } else {
    steps.push(
      [5, `【${to}市】${to}城东营业部 派件员 ${courier} ${phone} 正在为您派件`, to],
      [3, `【${to}市】已签收，签收人: 本人。感谢使用${carrierName}，期待再次为您服务`, to],
    );
  }
  return steps.map(([state, context, location], k) => ({ at: start + k * stepMs, state, context, location }));
}

/** The Kuaidi100 success body for the events that have happened by `now` (newest first). */
export function trackingBody(com: string, num: string, timeline: TrackEvent[], now: number): object {
  const seen = timeline.filter((e) => e.at <= now);
  const last = seen[seen.length - 1];
  const signed = last.state === 3;
  return {
    message: 'ok',
    nu: num,
    ischeck: signed ? '1' : '0',
    condition: 'F00',
    com,
    status: '200',
    state: String(last.state),
    data: seen
      .slice()
      .reverse()
      .map((e) => ({ time: beijingTime(e.at), ftime: beijingTime(e.at), context: e.context, location: e.location })),
  };
}
