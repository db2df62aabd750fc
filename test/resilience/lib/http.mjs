// A small HTTP client for loopback load: keep-alive, a hard timeout per request, and it never
// throws (network errors come back as status 0 with an error code), so load loops stay simple.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { clearTimeout, setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';

export function createAgent(maxSockets = 100) {
  return new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1000 });
}

const defaultAgent = createAgent(256);

/**
 * @returns {Promise<{status:number, headers:object, text:string, json:any, ms:number, error?:string}>}
 */
export function request(method, url, { headers = {}, body, timeoutMs = 15_000, agent = defaultAgent } = {}) {
  const started = performance.now();
  let payload;
  const h = { ...headers };
  if (body !== undefined) {
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
    h['content-length'] = Buffer.byteLength(payload);
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, ms: performance.now() - started });
    };
    const req = http.request(url, { method, headers: h, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (err) =>
        finish({ status: 0, headers: {}, text: '', json: undefined, error: err.code ?? err.message }),
      );
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    const timer = setTimeout(() => {
      req.destroy(new Error('TIMEOUT'));
      finish({ status: 0, headers: {}, text: '', json: undefined, error: 'TIMEOUT' });
    }, timeoutMs);
    req.on('error', (err) =>
      finish({ status: 0, headers: {}, text: '', json: undefined, error: err.code ?? err.message }),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Runs `fn` over `items` with at most `concurrency` in flight; results keep the input order. */
export async function pool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** A thin typed-ish wrapper over one API base URL. */
export class Api {
  constructor(baseUrl, { agent = defaultAgent, timeoutMs = 15_000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.agent = agent;
    this.timeoutMs = timeoutMs;
  }
  call(method, path, { token, body, headers = {}, timeoutMs } = {}) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    return request(method, this.baseUrl + path, {
      headers: h,
      body,
      agent: this.agent,
      timeoutMs: timeoutMs ?? this.timeoutMs,
    });
  }
  get(path, opts) {
    return this.call('GET', path, opts);
  }
  post(path, opts) {
    return this.call('POST', path, opts);
  }
  patch(path, opts) {
    return this.call('PATCH', path, opts);
  }
  delete(path, opts) {
    return this.call('DELETE', path, opts);
  }
  /** Throws with the answer when the status is not the expected one (setup steps only). */
  async expect(status, method, path, opts) {
    const res = await this.call(method, path, opts);
    const wanted = Array.isArray(status) ? status : [status];
    if (!wanted.includes(res.status)) {
      throw new Error(`${method} ${path} answered ${res.status} ${res.error ?? res.text.slice(0, 300)}`);
    }
    return res;
  }
}
