// Database frozen under load (SIGSTOP/SIGCONT): see db-loss.mjs, which runs both kinds of outage.
import { runDatabaseOutage } from './db-loss.mjs';

export const name = 'db-freeze';
export const title = 'Database frozen under load (mariadbd SIGSTOP, then SIGCONT)';
export const ciSafe = false;
/** What it needs and where it runs (`run.mjs --list`). */
export const where =
  'a private mariadbd, frozen with SIGSTOP; not in npm test either: it fails today (requests queued for a pooled connection wait for the thaw, see docs/resilience.md)';

export function run() {
  return runDatabaseOutage('freeze');
}
