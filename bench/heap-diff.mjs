#!/usr/bin/env node
// What grew between two V8 heap snapshots of one process (e.g. an API replica started with
// BENCH_API_NODE_ARGS="--heapsnapshot-signal=SIGUSR2" and sent SIGUSR2 early and late in a soak).
//
//   node --max-old-space-size=8192 bench/heap-diff.mjs early.heapsnapshot late.heapsnapshot [--top 25] [--retainers Name]
//
// Groups live objects by kind and constructor (object), function name (closure) or "(kind)" for
// strings, arrays, code and V8's internals, and prints the groups whose bytes grew the most. With
// --retainers, it follows the first strong retainer of each object of that group that exists only
// in the late snapshot and counts the paths, which usually names the map or array that keeps them.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const top = Number(option('--top', '25'));
const retainersOf = option('--retainers', undefined);
if (args.length !== 2) {
  console.error('usage: node bench/heap-diff.mjs early.heapsnapshot late.heapsnapshot [--top N] [--retainers Name]');
  process.exit(2);
}

/** A snapshot, decoded just enough: per node its group, size and id; edges for retainer walks. */
function load(file) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const width = nf.length;
  const at = (field) => nf.indexOf(field);
  const [T, N, ID, SIZE, EDGES] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(at);
  const { nodes, edges, strings } = raw;
  const count = nodes.length / width;
  const group = (i) => {
    const type = nodeTypes[nodes[i * width + T]];
    const name = strings[nodes[i * width + N]];
    if (type === 'object' || type === 'closure' || type === 'native') return `${type} ${name}`;
    return `(${type})`;
  };
  return { nodes, edges, strings, width, count, T, N, ID, SIZE, EDGES, ef, nodeTypes, edgeTypes, group };
}

function summarise(snap) {
  const groups = new Map();
  let total = 0;
  for (let i = 0; i < snap.count; i++) {
    const size = snap.nodes[i * snap.width + snap.SIZE];
    total += size;
    const key = snap.group(i);
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count += 1;
    g.bytes += size;
    groups.set(key, g);
  }
  return { groups, total };
}

const mb = (b) => (b / 1048576).toFixed(2);
console.error(`reading ${args[0]}`);
const early = load(args[0]);
const a = summarise(early);
const earlyIds = retainersOf
  ? new Set(Array.from({ length: early.count }, (_, i) => early.nodes[i * early.width + early.ID]))
  : undefined;
console.error(`reading ${args[1]}`);
const late = load(args[1]);
const b = summarise(late);

console.log(`live objects: ${early.count} → ${late.count}; self size ${mb(a.total)} → ${mb(b.total)} MB`);
const rows = [];
for (const [key, g] of b.groups) {
  const before = a.groups.get(key) ?? { count: 0, bytes: 0 };
  rows.push({ key, count: g.count - before.count, bytes: g.bytes - before.bytes, late: g });
}
for (const [key, g] of a.groups)
  if (!b.groups.has(key)) rows.push({ key, count: -g.count, bytes: -g.bytes, late: { count: 0, bytes: 0 } });
rows.sort((x, y) => y.bytes - x.bytes);
console.log(`\ngrew most (of ${rows.length} groups):`);
console.log('Δ MB      Δ count   late MB   late count  group');
for (const r of rows.slice(0, top)) {
  console.log(
    `${mb(r.bytes).padStart(7)} ${String(r.count).padStart(10)} ${mb(r.late.bytes).padStart(9)} ${String(r.late.count).padStart(11)}  ${r.key.slice(0, 100)}`,
  );
}
console.log('\nshrank most:');
for (const r of rows.slice(-5).reverse())
  console.log(`${mb(r.bytes).padStart(7)} ${String(r.count).padStart(10)}  ${r.key.slice(0, 100)}`);

if (retainersOf) printRetainers(late, retainersOf, earlyIds);

/** The objects of the group that are new in the late snapshot, counted by their chain of first strong retainers. */
function printRetainers(snap, wanted, oldIds) {
  const { nodes, edges, width, count, ef } = snap;
  const eWidth = ef.length;
  const [ET, EN, ETO] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * width + snap.EDGES];
  // reverse index: for each node, one strong retainer (edge owner + edge label)
  const retainer = new Int32Array(count).fill(-1);
  const via = new Array(count);
  for (let i = 0; i < count; i++) {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
      const type = snap.edgeTypes[edges[e * eWidth + ET]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = edges[e * eWidth + ETO] / width;
      if (retainer[to] !== -1) continue;
      retainer[to] = i;
      const label = edges[e * eWidth + EN];
      via[to] = type === 'element' || type === 'hidden' ? `[${label}]` : String(snap.strings[label]);
    }
  }
  // every new object of the group, counted by the path that keeps it (indices folded to [n])
  const paths = new Map();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (snap.group(i) !== wanted || oldIds.has(nodes[i * width + snap.ID])) continue;
    total += 1;
    const chain = [];
    for (let n = i, depth = 0; n !== -1 && depth < 7; depth++) {
      const label =
        via[n] === undefined
          ? ''
          : ` .${String(via[n])
              .replace(/^\[?\d+\]?$/, '[n]')
              .slice(0, 40)}`;
      chain.push(`${snap.group(n).slice(0, 60)}${label}`);
      n = retainer[n];
    }
    const key = chain.join('\n      ← ');
    paths.set(key, (paths.get(key) ?? 0) + 1);
  }
  console.log(`\n${total} new "${wanted}" objects, by what keeps them (most common paths):`);
  for (const [key, n] of [...paths].sort((x, y) => y[1] - x[1]).slice(0, 8)) console.log(`  ${n} ×  ${key}`);
}
