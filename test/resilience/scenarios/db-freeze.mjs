// Database frozen under load (SIGSTOP/SIGCONT): see db-loss.mjs, which runs both kinds of outage.
import { runDatabaseOutage } from './db-loss.mjs';

export const name = 'db-freeze';
export const title = 'Database frozen under load (mariadbd SIGSTOP, then SIGCONT)';
export const ciSafe = true;

export function run() {
  return runDatabaseOutage('freeze');
}
