// What must never be printed, and where the API processes of this run printed things. Scenarios
// register both; the `secrets` scenario greps every registered log for every registered value.
import { JWT_SECRET_FOR_RUN } from './procs.mjs';
import { ADMIN_PASSWORD } from './shop.mjs';

const secrets = new Map(); // value -> kind
const logs = new Set();

export function registerSecret(kind, value) {
  if (typeof value !== 'string') return;
  const v = value.trim();
  // very short values would match by accident; every real secret here is far longer
  if (v.length >= 12) secrets.set(v, kind);
}

/** PEM private keys are matched by each base64 body line, so a re-wrapped key is found too. */
export function registerPem(kind, pem) {
  if (typeof pem !== 'string') return;
  for (const line of pem.split('\n')) {
    const l = line.trim();
    if (l.length >= 40 && !l.startsWith('-----')) secrets.set(l, kind);
  }
}

export function registerLog(file) {
  if (file) logs.add(file);
}

/** Session keys as the database holds them (users.session_key), for the grep. */
export async function registerSessionKeys(connection) {
  const [rows] = await connection.query('SELECT session_key FROM users WHERE session_key IS NOT NULL');
  for (const r of rows) registerSecret('session_key', r.session_key);
  return rows.length;
}

export function registeredSecrets() {
  registerSecret('JWT_SECRET', JWT_SECRET_FOR_RUN);
  registerSecret('admin password', ADMIN_PASSWORD);
  return secrets;
}

export function registeredLogs() {
  return [...logs];
}
