import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import apiGlobalSetup from '../../../apps/api/test/global-setup';

/**
 * Pages render real TDesign components, loaded from the packed miniprogram_npm as WeChat loads
 * them, and import the contracts copied into the mini-program root; a fresh clone has neither, so
 * build both (each script is a no-op when current) before any page test, then prepare the database
 * as the API suites do.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '../../..');
  for (const [script, flag] of [
    ['build-miniprogram-contracts.mjs', '--quiet'],
    ['miniprogram-npm.mjs', '--if-missing'],
  ]) {
    execFileSync(process.execPath, [join(root, 'scripts', script), flag], { cwd: root, stdio: 'inherit' });
  }
  await apiGlobalSetup();
}
