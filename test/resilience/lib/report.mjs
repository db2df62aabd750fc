// Rewrites one scenario's section of docs/resilience.md in place (between its markers), keeping
// every other section as the last run of that scenario left it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, machine } from './common.mjs';

export const DOC = join(ROOT, 'docs/resilience.md');
const ALL_END = '<!-- resilience:sections:end -->';

const start = (name) => `<!-- resilience:${name}:start -->`;
const end = (name) => `<!-- resilience:${name}:end -->`;

export function renderSection(scenario, result) {
  const lines = [];
  lines.push(start(scenario.name));
  lines.push(`### ${scenario.title}`);
  lines.push('');
  lines.push(`Command: \`node test/resilience/run.mjs ${scenario.name}\``);
  lines.push('');
  lines.push(
    `Last run: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${machine()} — **${result.ok ? 'PASS' : 'FAIL'}** in ${Math.round(result.seconds)} s`,
  );
  lines.push('');
  if (result.setup) {
    lines.push(result.setup);
    lines.push('');
  }
  if (result.figures?.length) {
    lines.push('| figure | value |');
    lines.push('|---|---|');
    for (const [k, v] of result.figures) lines.push(`| ${k} | ${String(v).replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  if (result.checks?.length) {
    lines.push('Checks:');
    lines.push('');
    for (const c of result.checks) lines.push(`- ${c.ok ? '✅' : '❌'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    lines.push('');
  }
  if (result.error) {
    lines.push(`Error: \`${String(result.error).replace(/`/g, "'").slice(0, 500)}\``);
    lines.push('');
  }
  for (const n of result.notes ?? []) {
    lines.push(n);
    lines.push('');
  }
  lines.push(end(scenario.name));
  return lines.join('\n');
}

export function writeSection(scenario, result, order) {
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Resilience\n\n${ALL_END}\n`;
  if (!doc.includes(ALL_END)) doc = `${doc.trimEnd()}\n\n${ALL_END}\n`;
  const section = renderSection(scenario, result);
  const s = doc.indexOf(start(scenario.name));
  const e = doc.indexOf(end(scenario.name));
  if (s >= 0 && e > s) {
    doc = doc.slice(0, s) + section + doc.slice(e + end(scenario.name).length);
  } else {
    // insert before the first later section in the canonical order, else before the end marker
    const later = order.slice(order.indexOf(scenario.name) + 1).find((n) => doc.includes(start(n)));
    const at = later ? doc.indexOf(start(later)) : doc.indexOf(ALL_END);
    doc = `${doc.slice(0, at)}${section}\n\n${doc.slice(at)}`;
  }
  writeFileSync(DOC, doc);
}
