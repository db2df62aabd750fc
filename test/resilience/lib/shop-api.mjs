// The API start the scenarios share: a shop API on a loopback port with the scenario operator's
// account, its log registered for the secrets scan.
import { freePort, scratchDir } from './common.mjs';
import { startApi } from './procs.mjs';
import { registerLog } from './secrets.mjs';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './shop.mjs';

/**
 * Starts `${scenario}-api` (or `label`) with `start` (startApi: a child process; or bootInProcess)
 * on `port` (a free one by default) and `dataDir` (a fresh scratch directory by default); `env` is
 * added to ADMIN_USERNAME / ADMIN_PASSWORD, the account adminLogin signs in with.
 */
export async function startShopApi(
  scenario,
  { label = `${scenario}-api`, port, dataDir, env = {}, start = startApi } = {},
) {
  const api = await start(label, {
    port: port ?? (await freePort()),
    dataDir: dataDir ?? scratchDir(scenario),
    env: { ADMIN_USERNAME, ADMIN_PASSWORD, ...env },
  });
  registerLog(api.logFile);
  return api;
}
