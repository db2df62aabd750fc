import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Rules of the module layout that review alone keeps forgetting, checked over the source text.
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const rel = (file: string): string => relative(SRC, file);

/** Relative imports and re-exports, type-only ones included (they are still a dependency a reader follows). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers
    .map((spec) => {
      const base = resolve(dirname(file), spec);
      return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    })
    .filter((target): target is string => target !== undefined);
}

describe('architecture', () => {
  it('has no import cycles in apps/api/src', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting')
          cycles.push([...stack.slice(stack.indexOf(next)), next].map(rel).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('reads process.env only in config/ (the command-line tools too)', () => {
    const offenders = files
      .filter((f) => !rel(f).startsWith('config/'))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('makes expected errors only through Errors.<CODE>(…), so status and default message come from ERROR_TABLE', () => {
    const offenders = files
      .filter((f) => rel(f) !== join('common', 'errors', 'app-error.ts'))
      .filter((f) => /\bnew AppError\b|\bthrow new \w*(HttpException|Exception)\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('starts repeating jobs through everyInterval, so each run logs under a correlation id of its own', () => {
    const offenders = files
      .filter((f) => !['main.ts', join('observability', 'request-context.ts')].includes(rel(f)))
      .filter((f) => /\bsetInterval\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps order entities inside order/ (other features go through OrderPort)', () => {
    const offenders = files
      .filter((f) => !rel(f).startsWith('modules/order/'))
      .filter((f) => importsOf(f).some((target) => rel(target).startsWith('modules/order/entities/')))
      .map(rel);
    expect(offenders).toEqual([]);
  });
});
