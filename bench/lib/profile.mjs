// V8 CPU profiles (.cpuprofile: nodes, samples, timeDeltas) summarised for the results: the top
// functions by self time, and time by who asked for it (our build, each package, Node's own code,
// the garbage collector), so a miss can be read as "where the CPU of one answer goes".
import { readFileSync } from 'node:fs';

const LOGGING = new Set(['pino', 'sonic-boom', '@pinojs/redact', 'pino-std-serializers', 'fast-redact']);

/** The package (or our build) a frame's code belongs to, or null for Node's own and native code. */
function packageOf(url) {
  if (!url || url.startsWith('node:')) return null;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return LOGGING.has(pkg[1]) ? 'logging: pino + sonic-boom (+ redact)' : pkg[1];
  const ours = /\/dist\/(apps\/[^/]+|libs\/[^/]+)\//.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  return url.replace(/^.*\//, '');
}

/**
 * Who a sample's time is charged to: the nearest package on its stack, so Node's and V8's work
 * (a socket write, a Buffer.byteLength, a file write) counts for the package that asked for it;
 * what no package asked for stays Node's (socket flushes from the event loop, timers), and the
 * garbage collector and V8's own work are their own rows.
 */
function ownerOf(node, parent) {
  const f = node.callFrame;
  if (!f.url && f.functionName === '(garbage collector)') return 'garbage collector';
  if (!f.url && f.functionName === '(program)') return 'V8 (program: compiling, IC misses, …)';
  if (!f.url && f.functionName === '(idle)') return '(idle)';
  for (let n = node; n; n = parent.get(n.id)) {
    const owner = packageOf(n.callFrame.url);
    if (owner) return owner;
  }
  if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(f.functionName)) return 'Node: socket writes';
  return f.url
    ? `Node: ${f.url.slice(5).split('/').slice(0, 2).join('/')}`
    : `Node native: ${f.functionName || '(anonymous)'}`;
}

function walk(prof) {
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n);
  // the profiler's own start/stop (inspector's `post`) is not the API's work
  const profilerOwn = (node) => {
    for (let n = node; n; n = parent.get(n.id)) if (n.callFrame.url === 'node:inspector') return true;
    return false;
  };
  return { byId, parent, profilerOwn };
}

function selfTimes(prof, tree, keyOf) {
  const self = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const node = tree.byId.get(prof.samples[i]);
    if (tree.profilerOwn(node)) continue;
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return { self, total };
}

function ranked(self, busy, top) {
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / busy }));
}

/** Top functions by self time, and time by owner (see ownerOf), idle left out of the shares. */
export function summariseProfile(prof, top = 8) {
  const tree = walk(prof);
  const fn = selfTimes(prof, tree, ({ callFrame: f }) => {
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  });
  const idle = fn.self.get('(idle)') ?? 0;
  fn.self.delete('(idle)');
  const busy = fn.total - idle;
  const owners = selfTimes(prof, tree, (node) => ownerOf(node, tree.parent)).self;
  owners.delete('(idle)');
  return {
    totalMs: fn.total / 1000,
    busyMs: busy / 1000,
    top: ranked(fn.self, busy, top),
    owners: ranked(owners, busy, top + 4),
  };
}

export function profileTop(file, top = 8) {
  return summariseProfile(JSON.parse(readFileSync(file, 'utf8')), top);
}
