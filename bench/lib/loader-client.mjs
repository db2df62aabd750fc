// The runner's side of the load generator: send a job, await its summary; while it runs, watch
// the server's CPU time and peak RSS from /proc.
import { URL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { forkHelper } from './procs.mjs';
import { cpuSeconds, databasePid, rssSampler } from './util.mjs';

const dbPid = databasePid();

export class Loader {
  constructor() {
    this.child = forkHelper(fileURLToPath(new URL('./loadgen.mjs', import.meta.url)));
    this.pending = new Map();
    this.nextId = 1;
    this.child.on('message', (msg) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`load generator: ${msg.error}`));
      else p.resolve(msg.result);
    });
    this.child.once('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`load generator exited (${code})`));
      this.pending.clear();
    });
  }

  /** Runs one job; `serverPid` (optional) adds the server's CPU share and peak RSS to the summary. */
  async run(job, serverPid) {
    const id = this.nextId++;
    const sampler = serverPid ? rssSampler(serverPid) : null;
    const cpu0 = serverPid ? cpuSeconds(serverPid) : 0;
    const db0 = dbPid ? cpuSeconds(dbPid) : NaN;
    const t0 = process.hrtime.bigint();
    const result = await new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, job });
    });
    if (serverPid) {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      result.serverCpu = (cpuSeconds(serverPid) - cpu0) / wall;
      result.dbCpu = dbPid ? (cpuSeconds(dbPid) - db0) / wall : NaN;
      result.serverPeakRssMb = sampler.stop();
    }
    return result;
  }

  close() {
    this.child.disconnect();
  }
}
