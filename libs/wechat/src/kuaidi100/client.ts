import { fetchText, TransportError } from '../http';
import { Kuaidi100Error } from './errors';
import { kuaidi100Sign } from './sign';
import { baseState, stateText } from './state';

export interface Kuaidi100ClientOptions {
  /** default https://poll.kuaidi100.com */
  baseUrl?: string;
  customer: string;
  key: string;
  /** default 5000 */
  timeoutMs?: number;
}

export interface TrackingQuery {
  /** carrier code, e.g. 'yuantong' (see CARRIERS) */
  com: string;
  num: string;
  /** sender's or receiver's phone; required by some carriers (last 4 digits suffice) */
  phone?: string;
  /** keep Kuaidi100's parsed answer in the result */
  includeRaw?: boolean;
}

export interface TrackingEvent {
  /** ISO 8601 with +08:00 (Kuaidi100 reports Beijing time without a zone) */
  time: string;
  context: string;
  location: string;
}

export interface TrackingResult {
  carrier: string;
  trackingNo: string;
  /** Kuaidi100's state code as a number (sub-codes included) */
  state: number;
  /** the basic state the code belongs to (0–14) */
  baseState: number;
  stateText: string;
  signed: boolean;
  /** newest first */
  events: TrackingEvent[];
  raw?: unknown;
}

interface Kuaidi100Body {
  result?: boolean;
  returnCode?: string | number;
  message?: string;
  com?: string;
  nu?: string;
  state?: string | number;
  ischeck?: string | number;
  data?: Array<{ time?: string; ftime?: string; context?: string; location?: string; areaName?: string }>;
}

/** "2020-07-01 17:09:24" → "2020-07-01T17:09:24+08:00"; anything else is passed through. */
function toIso(beijing: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(beijing.trim());
  return m ? `${m[1]}T${m[2]}+08:00` : beijing;
}

/** Kuaidi100 real-time query (spec §3): meant for shopper-initiated lookups; cache the result. */
export class Kuaidi100Client {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: Kuaidi100ClientOptions) {
    this.baseUrl = (options.baseUrl ?? 'https://poll.kuaidi100.com').replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async query(q: TrackingQuery): Promise<TrackingResult> {
    // `param` is serialised once; the same string is signed and sent.
    const param = JSON.stringify({
      com: q.com.trim().toLowerCase(),
      num: q.num.trim(),
      ...(q.phone ? { phone: q.phone.trim() } : {}),
    });
    const form = new URLSearchParams({
      customer: this.options.customer,
      param,
      sign: kuaidi100Sign(param, this.options.key, this.options.customer),
    });
    let status: number;
    let text: string;
    try {
      // A form, not JSON: a JSON body is answered "数据不完整" (returnCode 400).
      ({ status, text } = await fetchText(
        `${this.baseUrl}/poll/query.do`,
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() },
        this.timeoutMs,
      ));
    } catch (err) {
      if (err instanceof TransportError) throw new Kuaidi100Error(null, `kuaidi100: ${err.message}`);
      throw err;
    }
    let body: Kuaidi100Body;
    try {
      body = JSON.parse(text) as Kuaidi100Body;
    } catch {
      throw new Kuaidi100Error(null, `kuaidi100: non-JSON answer (HTTP ${status})`);
    }
    // Errors have another shape than successes: returnCode first.
    if (body?.returnCode !== undefined && String(body.returnCode) !== '200') {
      throw new Kuaidi100Error(
        String(body.returnCode),
        `kuaidi100: ${String(body.returnCode)} ${body.message ?? ''}`.trim(),
      );
    }
    if (status < 200 || status >= 300 || !Array.isArray(body?.data)) {
      throw new Kuaidi100Error(null, `kuaidi100: unexpected answer (HTTP ${status})`);
    }
    const state = Number(body.state);
    const code = Number.isFinite(state) ? state : 0;
    const events = body.data
      .map((e) => ({
        time: toIso(e.time ?? e.ftime ?? ''),
        context: e.context ?? '',
        location: e.location ?? e.areaName ?? '',
      }))
      // data is newest-first by default; sort anyway (ISO strings with one offset sort as text)
      .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
    return {
      carrier: body.com ?? q.com,
      trackingNo: body.nu ?? q.num,
      state: code,
      baseState: baseState(code),
      stateText: stateText(code),
      signed: String(body.ischeck) === '1',
      events,
      ...(q.includeRaw ? { raw: body } : {}),
    };
  }
}
