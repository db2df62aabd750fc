import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import apiGlobalSetup from '../../../apps/api/test/global-setup';

/**
 * Pages render real TDesign components, loaded from the packed miniprogram_npm as WeChat loads
 * them; a fresh clone has none yet, so pack it (scripts/miniprogram-npm.mjs, a no-op when current)
 * before any page test, then prepare the database as the API suites do.
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '../../..');
  execFileSync(process.execPath, [join(root, 'scripts/miniprogram-npm.mjs'), '--if-missing'], {
    cwd: root,
    stdio: 'inherit',
  });
  await apiGlobalSetup();
}
