import { findCarrier, kuaidi100Sign } from '@sutwxapp/wechat';
import type { SandboxContext } from '../context';
import { headerValue, json, type Route, type SandboxRequest, type SandboxResponse } from '../http-util';
import { parcelTimeline, trackingBody } from './tracks';

export interface Kuaidi100Credentials {
  customer: string;
  key: string;
}

export interface Kuaidi100SandboxOptions {
  /** time between two tracking events; default 10 minutes (signed after 6 steps) */
  stepMs: number;
}

/** Kuaidi100 answers errors with HTTP 200 and this shape (spec §3). */
function err(returnCode: string, message: string): SandboxResponse {
  return json(200, { result: false, returnCode, message });
}

const LONG_AGO_MS = 30 * 24 * 3600 * 1000;

/**
 * POST /poll/query.do. Special tracking numbers: NORESULT… → 500, QUOTA… → 601, DOWN… → 502,
 * SIGNED… → signed a month ago, PROBLEM… → stalls in 疑难 (2). Other numbers progress with
 * the sandbox clock from the first time the sandbox sees them. A phone ending in 0000 is
 * "wrong" (408) for carriers that require one.
 */
export function kuaidi100Routes(
  ctx: SandboxContext,
  creds: Kuaidi100Credentials,
  opts: Kuaidi100SandboxOptions,
): Route[] {
  const firstSeen = new Map<string, number>();

  function query(req: SandboxRequest): SandboxResponse {
    ctx.stats.hit('kuaidi100.query');
    // The most common integration mistake: a JSON body instead of a form.
    if (
      !(headerValue(req.headers, 'content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')
    ) {
      return err('400', '数据不完整');
    }
    const form = new URLSearchParams(req.body.toString('utf8'));
    const customer = form.get('customer');
    const param = form.get('param');
    const sign = form.get('sign');
    if (!customer || !param || !sign) return err('400', '数据不完整');
    if (customer !== creds.customer) return err('400', '账号未授权或不存在');
    // The signature covers the param string exactly as received.
    if (sign !== kuaidi100Sign(param, creds.key, creds.customer)) return err('503', '验证签名失败');
    let p: { com?: unknown; num?: unknown; phone?: unknown };
    try {
      p = JSON.parse(param) as typeof p;
    } catch {
      return err('400', '数据不完整');
    }
    if (typeof p.num !== 'string' || !p.num || p.num.length > 32) return err('400', '快递单号参数错误');
    const carrier = typeof p.com === 'string' ? findCarrier(p.com) : undefined;
    if (!carrier || carrier.code !== p.com) return err('400', '快递公司参数异常：不支持的快递公司或编码不正确');
    const num = p.num;
    ctx.stats.hitTracking(num);
    if (num.startsWith('QUOTA')) return err('601', 'key已过期或没有可用单量');
    if (num.startsWith('DOWN')) return err('502', '服务器繁忙，请稍后再试');
    const phone = typeof p.phone === 'string' ? p.phone.replace(/\D/g, '') : '';
    if (carrier.phoneRequired && (phone.length < 4 || phone.endsWith('0000'))) {
      return err('408', '验证码错误：该快递公司需提供正确的寄件人或收件人手机号（后四位）');
    }
    if (num.startsWith('NORESULT')) return err('500', '查询无结果，请隔段时间再查');

    const now = ctx.clock.now();
    const key = `${carrier.code}:${num}`;
    if (!firstSeen.has(key)) firstSeen.set(key, num.startsWith('SIGNED') ? now - LONG_AGO_MS : now);
    const timeline = parcelTimeline(
      carrier.name,
      num,
      firstSeen.get(key) as number,
      opts.stepMs,
      num.startsWith('PROBLEM'),
    );
    return json(200, trackingBody(carrier.code, num, timeline, now));
  }

  return [{ method: 'POST', path: '/poll/query.do', handler: query }];
}
