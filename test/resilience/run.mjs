#!/usr/bin/env node
// Resilience and security suite runner.
//
//   node test/resilience/run.mjs                 every scenario, figures into docs/resilience.md
//   node test/resilience/run.mjs oversell db-loss only those
//   node test/resilience/run.mjs --ci            CI's set, prints CHECK PASS/FAIL lines, docs untouched
//   node test/resilience/run.mjs --list          what exists, what it needs and where it runs
//
// Needs: `npm ci`, MariaDB on 127.0.0.1:3306 (RESILIENCE_MYSQL_URL or DATABASE_URL_CI to point
// elsewhere; only a scratch database of ours is used), and mariadbd, redis-server and nginx
// binaries for the outage scenarios (they start private copies on random loopback ports).
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TMP, log } from './lib/common.mjs';
import { buildOnce } from './lib/procs.mjs';
import { dropStaleScratchDatabases } from './lib/services.mjs';
import { writeSection } from './lib/report.mjs';
import * as oversell from './scenarios/oversell.mjs';
import * as paymentStorm from './scenarios/payment-storm.mjs';
import * as dbLoss from './scenarios/db-loss.mjs';
import * as dbFreeze from './scenarios/db-freeze.mjs';
import * as redisLoss from './scenarios/redis-loss.mjs';
import * as rollingRestart from './scenarios/rolling-restart.mjs';
import * as hostileInput from './scenarios/hostile-input.mjs';
import * as secrets from './scenarios/secrets.mjs';

const SCENARIOS = [oversell, paymentStorm, dbLoss, dbFreeze, redisLoss, rollingRestart, hostileInput, secrets];
const ORDER = SCENARIOS.map((s) => s.name);
/** A scenario that overruns this is failed (and its children killed) so the run never hangs. */
const SCENARIO_TIMEOUT_MS = Number(process.env.RESILIENCE_SCENARIO_TIMEOUT_MS ?? 240_000);

const args = process.argv.slice(2);
const ci = args.includes('--ci');
const writeDocs = !ci && !args.includes('--no-docs');
if (args.includes('--list')) {
  // what each scenario does, what it needs, and whether CI (--ci) or npm test runs it
  for (const s of SCENARIOS) {
    console.log(`${s.name.padEnd(16)} ${s.title}`);
    console.log(`${''.padEnd(16)}   ${s.ciSafe ? 'in --ci (CI)' : 'not in --ci (CI)'}: ${s.where}`);
  }
  console.log('\nWith no name: every scenario. --ci: those marked "in --ci", as .ci/resilience-checks runs them.');
  process.exit(0);
}
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !ORDER.includes(w));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${ORDER.join(', ')}`);
  process.exit(2);
}
// `secrets` greps the logs the other scenarios captured, so it always runs last.
const selected = SCENARIOS.filter((s) => (wanted.length ? wanted.includes(s.name) : ci ? s.ciSafe : true));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch {
    return false;
  }
}

async function main() {
  // the previous run's scratch (logs, datadirs) goes, unless another run is using it; this run's
  // stays for a look after a failure
  const lock = join(TMP, 'run.pid');
  const other = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
  if (!other || !alive(other)) rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  writeFileSync(lock, String(process.pid));
  for (const db of await dropStaleScratchDatabases()) log('run', `dropped ${db}, left by an interrupted run`);
  buildOnce();
  const results = [];
  for (const scenario of selected) {
    log(scenario.name, `— ${scenario.title} —`);
    const started = performance.now();
    let result;
    try {
      result = await withTimeout(scenario.run({ ci }), SCENARIO_TIMEOUT_MS, scenario.name);
      result.ok = result.checks.length > 0 && result.checks.every((c) => c.ok);
    } catch (err) {
      log(scenario.name, `ERROR ${err.stack ?? err}`);
      result = { ok: false, checks: [], figures: [], error: err.message ?? String(err) };
    }
    result.seconds = (performance.now() - started) / 1000;
    results.push({ scenario, result });
    for (const [k, v] of result.figures ?? []) log(scenario.name, `figure: ${k}: ${v}`);
    log(scenario.name, `${result.ok ? 'PASS' : 'FAIL'} in ${Math.round(result.seconds)} s`);
    if (ci)
      console.log(
        `CHECK ${result.ok ? 'PASS' : 'FAIL'} resilience: ${scenario.name} (${Math.round(result.seconds)} s)`,
      );
    if (writeDocs) writeSection(scenario, result, ORDER);
  }
  console.log('');
  for (const { scenario, result } of results) {
    console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${scenario.name.padEnd(16)} ${Math.round(result.seconds)} s`);
    for (const c of result.checks.filter((x) => !x.ok)) console.log(`      ✗ ${c.name} ${c.detail}`);
    if (result.error) console.log(`      ✗ ${result.error}`);
  }
  const failed = results.filter((r) => !r.result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
