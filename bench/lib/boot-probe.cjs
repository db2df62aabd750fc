// Preloaded (`node -r bench/lib/boot-probe.cjs …`) into one extra, unmeasured cold start: where
// the boot's time and the idle memory go. Times every require() by the package it loads, each
// package's own time only (what it requires from other packages is theirs), and on exit writes
// that with V8's heap spaces to BENCH_BOOT_PROBE (a JSON file).
'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const v8 = require('node:v8');
const { performance } = require('node:perf_hooks');

const out = process.env.BENCH_BOOT_PROBE;
const owner = (file) => {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (m) return m[1];
  const ours = /\/dist\/(apps\/[^/]+|libs\/[^/]+)\//.exec(file);
  return ours ? `ours: ${ours[1]}` : 'other';
};
const own = new Map();
const stack = [];
let requireMs = 0;
const load = Module._load;
Module._load = function (request, parent, isMain) {
  let file;
  try {
    file = Module._resolveFilename(request, parent, isMain);
  } catch {
    return load.apply(this, arguments);
  }
  if (!file.startsWith('/')) return load.apply(this, arguments); // node: built-ins
  const who = owner(file);
  if (stack.length && stack[stack.length - 1].who === who) return load.apply(this, arguments);
  const frame = { who, t0: performance.now(), children: 0 };
  stack.push(frame);
  try {
    return load.apply(this, arguments);
  } finally {
    stack.pop();
    const ms = performance.now() - frame.t0;
    own.set(who, (own.get(who) ?? 0) + ms - frame.children);
    if (stack.length) stack[stack.length - 1].children += ms;
    else requireMs += ms;
  }
};

if (out) {
  process.on('exit', () => {
    const mb = (n) => Math.round((n / 1048576) * 10) / 10;
    const mem = process.memoryUsage();
    writeFileSync(
      out,
      JSON.stringify({
        requireMs,
        packages: [...own.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms })),
        memoryMb: {
          rss: mb(mem.rss),
          heapTotal: mb(mem.heapTotal),
          heapUsed: mb(mem.heapUsed),
          external: mb(mem.external),
          arrayBuffers: mb(mem.arrayBuffers),
        },
        heapSpacesMb: v8.getHeapSpaceStatistics().map((s) => ({
          name: s.space_name,
          size: mb(s.space_size),
          used: mb(s.space_used_size),
        })),
        codeMb: (() => {
          const c = v8.getHeapCodeStatistics();
          return { code: mb(c.code_and_metadata_size), bytecode: mb(c.bytecode_and_metadata_size) };
        })(),
      }),
    );
  });
}
