// Database frozen under load (SIGSTOP/SIGCONT): see db-loss.mjs, which runs both kinds of outage.
import { runDatabaseOutage } from './db-loss.mjs';

export const name = 'db-freeze';
export const title = 'Database frozen under load (mariadbd SIGSTOP, then SIGCONT)';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where =
  'a private mariadbd, frozen with SIGSTOP under load; every request answers within the bounded pool wait (DB_POOL_ACQUIRE_TIMEOUT_MS)';

export function run() {
  return runDatabaseOutage('freeze');
}
