// A closed-loop load generator: `workers` loops each pick an operation and record the answer with
// its start/end time, until stopped. Every sample is kept so phases can be cut afterwards.
import { countBy, now, sleep } from './common.mjs';

export class LoadLoop {
  constructor({ workers, pick, pauseMs = 0 }) {
    this.workers = workers;
    this.pick = pick;
    this.pauseMs = pauseMs;
    this.samples = [];
    this.running = false;
  }

  start() {
    this.running = true;
    this.t0 = now();
    this.done = Promise.all(
      Array.from({ length: this.workers }, async (_, w) => {
        while (this.running) {
          const op = this.pick(w);
          const start = now();
          let res;
          try {
            res = await op.run();
          } catch (err) {
            res = { status: 0, error: err.message };
          }
          const end = now();
          this.samples.push({ op: op.name, start, end, ms: end - start, status: res.status, res, meta: op.meta });
          if (op.after) await op.after(res);
          if (this.pauseMs) await sleep(this.pauseMs);
        }
      }),
    );
    return this;
  }

  async stop() {
    this.running = false;
    await this.done;
  }

  between(from, to) {
    return this.samples.filter((s) => s.start >= from && s.end <= to);
  }
}

/** Samples every `intervalMs` with `probe()`, recording {t, ...result}. */
export class Prober {
  constructor(probe, intervalMs = 200) {
    this.probe = probe;
    this.intervalMs = intervalMs;
    this.samples = [];
  }
  start() {
    this.running = true;
    this.done = (async () => {
      while (this.running) {
        const t = now();
        const r = await this.probe();
        this.samples.push({ t, end: now(), ...r });
        await sleep(this.intervalMs);
      }
    })();
    return this;
  }
  async stop() {
    this.running = false;
    await this.done;
  }
}

/** The outage scenarios' liveness check: every probe of `prober` saw /health/live answer 200. */
export function checkLivenessThroughout(checks, prober) {
  checks.check(
    'liveness 200 throughout',
    prober.samples.every((p) => p.live === 200),
    JSON.stringify(countBy(prober.samples, 'live')),
  );
}
