/*
 * The test tooling tells the truth about what ran: `npm test` names each suite it skipped and what
 * it requires, and `test/resilience/run.mjs --list` says what each scenario needs and whether CI
 * runs it. Both are run here as a developer runs them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { minVersion, satisfies } from 'semver';

const ROOT = join(__dirname, '../../..');
const run = promisify(execFile);

/** The environment of a machine with no MariaDB, Redis or MongoDB configured. */
function bareEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'MONGODB_URI']) delete env[name];
  // the nested jest must not share this run's OpenAPI coverage directory: its global teardown
  // removes the directory it was given, which would erase what this run's suites recorded
  delete env.OPENAPI_COVERAGE_DIR;
  return env;
}

describe('test tooling output', () => {
  it('installs without engine warnings on the oldest Node that engines and .nvmrc allow', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const oldest = minVersion(pkg.engines.node)!.version;
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    expect(satisfies(`${nvmrc}.99.99`.split('.').slice(0, 3).join('.'), pkg.engines.node)).toBe(true);
    expect(satisfies(process.version, pkg.engines.node)).toBe(true);
    // what `npm ci` warns about (EBADENGINE): a locked package whose engines exclude that Node
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !satisfies(oldest, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path}@${p.version} needs Node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('names the suites npm test skipped for a missing service, and what each requires', async () => {
    const { stderr } = await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/jest/bin/jest.js'),
        '--selectProjects',
        'e2e',
        '--testPathPatterns',
        'events-mongo|catalog-cache-replicas',
      ],
      { cwd: ROOT, env: bareEnv(), maxBuffer: 16 * 1024 * 1024 },
    );
    const report = stderr.slice(stderr.indexOf('Skipped, and why:'));
    expect(report).toMatch(
      /- apps\/api\/test\/events-mongo\.e2e-spec\.ts: behaviour events and audit on MongoDB \(requires MONGODB_URI; [^)]*\) \(\d+ tests?\)/,
    );
    expect(report).toMatch(
      /- apps\/api\/test\/catalog-cache-replicas\.e2e-spec\.ts: catalog cache across replicas \(requires DATABASE_URL=mysql… \+ REDIS_URL\) \(\d+ tests?\)/,
    );
  }, 120_000);

  it('lists every resilience scenario with what it needs and whether CI runs it', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'test/resilience/run.mjs'), '--list'], { cwd: ROOT });
    const names = [
      'oversell',
      'payment-storm',
      'db-loss',
      'db-freeze',
      'redis-loss',
      'rolling-restart',
      'hostile-input',
      'secrets',
    ];
    for (const name of names) expect(stdout).toMatch(new RegExp(`^${name} +\\S.*\\n +(in|not in) --ci`, 'm'));
    // the two kept out of CI say why, and neither claims to be in npm test when it is not
    expect(stdout).toMatch(/^db-freeze .*\n +in --ci \(CI\): .*bounded pool wait/m);
    expect(stdout).toMatch(/^hostile-input .*\n +not in --ci \(CI\): .*npm test already runs both suites/m);
  });
});
