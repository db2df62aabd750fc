// Secrets: a full shop run against a real API process at LOG_LEVEL=trace, then every log captured
// in this run (this process's and those of every scenario before it) and every answer of the
// flow is searched for session_keys (read from the database), operator passwords, the JWT secret,
// the sandbox's merchant and platform private keys, APIv3 key, AppSecret and Kuaidi100 key.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Checks, ROOT, freePort, log, requireFromRoot, scratchDir, sleep, waitFor } from '../lib/common.mjs';
import { Api } from '../lib/http.mjs';
import { runSecurityJest } from '../lib/jest.mjs';
import { startApi, stopChild } from '../lib/procs.mjs';
import {
  registerLog,
  registerPem,
  registerSecret,
  registerSessionKeys,
  registeredLogs,
  registeredSecrets,
} from '../lib/secrets.mjs';
import { createScratchDatabase } from '../lib/services.mjs';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  adminLogin,
  createAddress,
  createProduct,
  loginShopper,
} from '../lib/shop.mjs';

export const name = 'secrets';
export const title = 'Secrets never reach logs or responses';
export const ciSafe = true;
/** What it needs and where it runs (`run.mjs --list`). */
export const where =
  'a real API process at LOG_LEVEL=trace plus the logs of the scenarios run before it (run it last), and secrets.e2e-spec on SQLite and MariaDB + Redis (secrets.e2e-spec is also in npm test)';

const UNREDACTED =
  /"(session_?key|password|api_?v3_?key|private_?key|authorization|app_?secret)":"(?!\[redacted\])[^"]+"/gi;
const SECRET_FIELD = /"(session_?key|password|password_?hash|api_?v3_?key|private_?key|app_?secret)"\s*:/i;

export async function run({ ci } = {}) {
  const checks = new Checks(name);
  const figures = [];
  const dir = scratchDir('secrets');
  const dump = join(dir, 'sandbox.json');
  const db = await createScratchDatabase(name);
  const answers = [];
  let api;
  try {
    api = await startApi('secrets-api', {
      port: await freePort(),
      dataDir: dir,
      preload: [join(ROOT, 'test/resilience/lib/capture-sandbox.cjs')],
      env: {
        DATABASE_URL: db.url,
        ADMIN_USERNAME,
        ADMIN_PASSWORD,
        LOG_LEVEL: 'trace',
        RESILIENCE_SANDBOX_DUMP: dump,
      },
    });
    registerLog(api.logFile);
    await waitFor('the sandbox credentials', () => existsSync(dump));
    const { credentials } = JSON.parse(readFileSync(dump, 'utf8'));
    registerPem('merchant private key', credentials.pay.merchantPrivateKeyPem);
    registerPem('platform private key', credentials.pay.platformPrivateKeyPem);
    registerSecret('APIv3 key', credentials.pay.apiV3Key);
    registerSecret('AppSecret', credentials.miniProgram.appSecret);
    registerSecret('Kuaidi100 key', credentials.kuaidi100.key);

    const http = new Api(api.baseUrl);
    const record = async (what, promise) => {
      const res = await promise;
      answers.push({ what, res });
      return res;
    };
    // ---- the full run
    const shoppers = [];
    for (let i = 0; i < 4; i++) shoppers.push(await loginShopper(http));
    await record('login with a bad code', http.post('/api/v1/auth/wechat-login', { body: { code: 'invalid-x' } }));
    const me = shoppers[0];
    await record('profile', http.get('/api/v1/me', { token: me.token }));
    await record('profile update', http.patch('/api/v1/me', { token: me.token, body: { nickname: '保密😀' } }));
    const addressId = await createAddress(http, me.token);
    const admin = await adminLogin(http);
    const { skuId } = await createProduct(http, admin, { stock: 50, price: 5200 });
    await record('cart', http.post('/api/v1/cart/items', { token: me.token, body: { skuId, quantity: 1 } }));
    const orders = [];
    for (let i = 0; i < 2; i++) {
      const o = await record(
        'order',
        http.post('/api/v1/orders', {
          token: me.token,
          headers: { 'idempotency-key': `secrets-${randomUUID()}` },
          body: { items: [{ skuId, quantity: 1 }], addressId },
        }),
      );
      orders.push(o.json);
      await record('pay', http.post(`/api/v1/orders/${o.json.id}/pay`, { token: me.token }));
      await record(
        'sandbox payment',
        http.post(`/api/v1/sandbox/orders/${o.json.id}/simulate-payment`, { token: me.token }),
      );
    }
    // forged and wrong-amount notifications, signed with the captured sandbox keys
    const { buildNotification } = requireFromRoot(join(ROOT, 'dist/libs/wechat-sandbox/src/index.js'));
    const resource = {
      appid: credentials.pay.appId,
      mchid: credentials.pay.mchId,
      out_trade_no: orders[0].orderNo,
      transaction_id: `4200${Date.now()}`,
      trade_state: 'SUCCESS',
      amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' },
      success_time: new Date().toISOString(),
      payer: { openid: 'o-forged' },
    };
    for (const forgery of [undefined, 'bad_signature', 'wrong_api_v3_key', 'stale_timestamp']) {
      const n = buildNotification({
        credentials: credentials.pay,
        eventType: 'TRANSACTION.SUCCESS',
        resource,
        forgery,
      });
      await record(
        `notification ${forgery ?? 'wrong amount'}`,
        http.post('/api/v1/payments/wechat/notify', {
          headers: { ...n.headers, 'content-type': 'application/json' },
          body: n.body,
        }),
      );
    }
    await record(
      'admin login, wrong password',
      http.post('/api/v1/auth/admin-login', { body: { username: ADMIN_USERNAME, password: `${ADMIN_PASSWORD}x` } }),
    );
    await record(
      'admin login, extra field',
      http.post('/api/v1/auth/admin-login', {
        body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD, again: ADMIN_PASSWORD },
      }),
    );
    await record(
      'admin login, malformed',
      http.post('/api/v1/auth/admin-login', { body: `{"username":"${ADMIN_USERNAME}","password":"${ADMIN_PASSWORD}"` }),
    );
    await record(
      'refund',
      http.post(`/api/v1/admin/orders/${orders[1].id}/refund`, { token: admin, body: { reason: '协商退款' } }),
    );
    await record(
      'ship',
      http.post(`/api/v1/admin/orders/${orders[0].id}/ship`, {
        token: admin,
        body: { carrierCode: 'yuantong', trackingNo: `YT${Date.now()}` },
      }),
    );
    await record('tracking', http.get(`/api/v1/orders/${orders[0].id}/logistics`, { token: me.token }));
    await record('forged token', http.get('/api/v1/me', { token: `${me.token}x` }));
    await record('admin orders', http.get('/api/v1/admin/orders', { token: admin }));
    await sleep(1500); // the refund completes in the sandbox and notifies
    const c = await db.connect();
    try {
      figures.push(['session keys in the database', await registerSessionKeys(c)]);
    } finally {
      await c.end();
    }
    for (const s of shoppers) registerSecret('access token', s.token);
    registerSecret('access token', admin);
    await stopChild(api); // flushes the log
    api = null;
  } finally {
    if (api) await stopChild(api);
    await db.drop();
  }

  // ---- the grep
  const secrets = registeredSecrets();
  const files = registeredLogs().filter((f) => existsSync(f));
  const leaks = [];
  let lines = 0;
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    lines += text.split('\n').length;
    bytes += text.length;
    for (const [value, kind] of secrets)
      if (text.includes(value)) leaks.push(`${kind} in ${file.replace(`${ROOT}/`, '')}`);
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) leaks.push(`a PEM private key in ${file}`);
    for (const m of text.match(UNREDACTED) ?? []) leaks.push(`unredacted ${m.slice(0, 30)}… in ${file}`);
  }
  const responseLeaks = [];
  for (const { what, res } of answers) {
    const text = `${JSON.stringify(res.headers)}\n${res.text}`;
    for (const [value, kind] of secrets) {
      if (kind !== 'access token' && text.includes(value)) responseLeaks.push(`${what} shows the ${kind}`);
    }
    if (SECRET_FIELD.test(res.text)) responseLeaks.push(`${what} has a secret-named field`);
  }
  const kinds = [...new Set(secrets.values())];
  figures.push([
    'logs searched',
    `${files.length} files (${lines} lines, ${Math.round(bytes / 1024)} KiB) from this run's API processes`,
  ]);
  figures.push(['secrets searched for', `${secrets.size} values: ${kinds.join(', ')}`]);
  figures.push(['responses searched', answers.length]);
  figures.push(['leaks', leaks.length + responseLeaks.length]);
  checks.check('no secret in any captured log', leaks.length === 0, leaks.slice(0, 5).join('; '));
  checks.check(
    'no secret in any response of the full run',
    responseLeaks.length === 0,
    responseLeaks.slice(0, 5).join('; '),
  );
  checks.check(
    'the run was real: the flow answered and session keys were read back',
    answers.filter((a) => a.res.status >= 200 && a.res.status < 300).length >= 8 && kinds.includes('session_key'),
  );
  checks.check(
    'no 5xx during the flow',
    answers.every((a) => a.res.status > 0 && a.res.status < 500),
    answers
      .filter((a) => a.res.status >= 500)
      .map((a) => `${a.what} ${a.res.status}`)
      .join('; '),
  );

  if (!ci) {
    log(name, 'running apps/api/test/secrets.e2e-spec.ts on both backends');
    for (const r of await runSecurityJest('secrets', 'apps/api/test/secrets.e2e-spec.ts')) {
      checks.check(`secrets.e2e-spec on ${r.backend}`, r.code === 0, r.failures.slice(0, 3).join(' | ') || r.summary);
      figures.push([
        `secrets.e2e-spec (${r.backend})`,
        `${r.summary}, ${r.seconds} s${r.report ? `; ${r.report.logLines} log lines, ${r.report.responses} responses, ${r.report.secretsChecked} secret values, ${r.report.leaks} leaks` : ''}`,
      ]);
    }
  }
  return {
    checks: checks.items,
    figures,
    setup:
      "A real API process (`node -r test/resilience/lib/capture-sandbox.cjs dist/apps/api/src/main.js`, LOG_LEVEL=trace; the preload only writes the sandbox keys it generated to a private file) runs a full shop flow: logins, profile, cart, orders, prepay, sandbox payments with their notifications, forged and wrong-amount notifications signed with the real sandbox keys, operator logins right and wrong, refund and its notification, shipping, tracking, bad tokens. Then every log file captured in this run — this process and every API process of the scenarios before it — is searched for each secret value (PEM bodies line by line, session keys read from each scenario's database) and for unredacted secret-named fields, and every answer of the flow is searched too. `npm test` runs apps/api/test/secrets.e2e-spec.ts, the same check in-process on both backends.",
  };
}
