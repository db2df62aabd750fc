// @ts-check
/**
 * Jest's summary says "8 skipped" and nothing more, so a suite skipped for a missing service
 * (MongoDB, MariaDB + Redis) looked the same as one that passed. This reporter lists, after the
 * summary, every skipped group with its file and its describe title, which says what it requires
 * ("… (requires MONGODB_URI)"). Runs filtered with -t are not listed: everything else is skipped.
 */
const { relative } = require('node:path');

const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);

/**
 * @param {{ testResults: Array<{ testFilePath: string, skipped?: boolean, testResults: Array<{ status: string, title: string, ancestorTitles: string[] }> }> }} results
 * @param {string} rootDir
 * @returns {string[]} one line per skipped group: "file: describe title (n tests)"
 */
function skippedGroups(results, rootDir) {
  /** @type {Map<string, number>} */
  const groups = new Map();
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      if (!SKIPPED.has(test.status)) continue;
      const key = `${relative(rootDir, file.testFilePath)}: ${test.ancestorTitles[0] ?? test.title}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  return [...groups].map(([key, n]) => `${key} (${n} test${n === 1 ? '' : 's'})`);
}

class SkippedReporter {
  /** @param {{ rootDir: string, testNamePattern?: string }} globalConfig */
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  /** @param {unknown} _contexts @param {Parameters<typeof skippedGroups>[0]} results */
  onRunComplete(_contexts, results) {
    if (this.globalConfig.testNamePattern) return;
    const lines = skippedGroups(results, this.globalConfig.rootDir);
    if (lines.length === 0) return;
    process.stderr.write(`\nSkipped, and why:\n${lines.map((l) => `  - ${l}`).join('\n')}\n`);
  }
}

module.exports = SkippedReporter;
module.exports.skippedGroups = skippedGroups;
