// Driver of test/ops/alerts-live.sh (which starts everything): shopper traffic, the faults, and
// questions to Prometheus. Prints one `CHECK PASS|FAIL <name>` per phase and indented notes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';

const { API_URL, PROM_URL, REDIS_PID, REDIS_PORT, REDIS_DIR, DATABASE_URL, ROBOT_FILE } = process.env;
const note = (s) => console.log(`  ${s}`);
const check = (name, ok) => console.log(`CHECK ${ok ? 'PASS' : 'FAIL'} ${name}`);
let restartedRedis;

async function query(expr) {
  const res = await fetch(`${PROM_URL}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = await res.json();
  if (body.status !== 'success') throw new Error(`${expr}: ${JSON.stringify(body)}`);
  return body.data.result;
}
const firing = async (alert) => (await query(`ALERTS{alertname="${alert}",alertstate="firing"}`)).length > 0;

/** Runs `tick` every `everyMs` until `done()` or the deadline; returns whether done. */
async function until(seconds, everyMs, tick, done) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    await tick();
    if (await done()) return true;
    await sleep(everyMs);
  }
  return false;
}

async function api(method, path, token, body) {
  const res = await fetch(`${API_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function main() {
  // ------------------------------------------------ A: Redis dies, nobody is shopping
  process.kill(Number(REDIS_PID));
  let oldRuleWouldPage = false;
  const statuses = new Map();
  const depDown = await until(
    90,
    1000,
    async () => {
      // kubelet's readiness probe, once a second
      const r = await api('GET', '/api/v1/health');
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      // The rule as it was: every request counted, probes and scrapes included.
      const old = await query(
        'sum(rate(http_requests_total{job="sutwxapp-api",status_code=~"5.."}[20s])) / sum(rate(http_requests_total{job="sutwxapp-api"}[20s])) > 0.05',
      );
      if (old.length > 0) oldRuleWouldPage = true;
    },
    () => firing('ApiDependencyDown'),
  );
  const errorRateSeen = await query('count_over_time(ALERTS{alertname="ApiHighErrorRate"}[3m])');
  note(
    `outage: readiness answers ${JSON.stringify(Object.fromEntries(statuses))}; ApiDependencyDown firing: ${depDown}; ` +
      `ApiHighErrorRate seen: ${errorRateSeen.length > 0}; the old all-requests rule above 5%: ${oldRuleWouldPage}`,
  );
  check('alerts-dependency-outage-pages-nobody', depDown && errorRateSeen.length === 0 && oldRuleWouldPage);

  restartedRedis = spawn(
    'redis-server',
    ['--port', REDIS_PORT, '--bind', '127.0.0.1', '--dir', REDIS_DIR, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await until(
    30,
    500,
    async () => undefined,
    async () => (await api('GET', '/api/v1/health')).status === 200,
  );

  // ------------------------------------------------ shoppers with a cart line each
  const page = await api('GET', '/api/v1/catalog/products?pageSize=1');
  const product = await api('GET', `/api/v1/catalog/products/${page.body.items[0].id}`);
  const skuId = product.body.skus.find((s) => s.stock > 20).id;
  const shoppers = [];
  for (let i = 0; i < 8; i++) {
    const login = await api('POST', '/api/v1/auth/wechat-login', null, { code: `alerts-live-${process.pid}-${i}` });
    const token = login.body.accessToken;
    const line = await api('POST', '/api/v1/cart/items', token, { skuId, quantity: 1 });
    if (line.status >= 300) throw new Error(`cart add answered ${line.status}: ${JSON.stringify(line.body)}`);
    const cart = await api('GET', '/api/v1/cart/items', token);
    const items = cart.body.items ?? cart.body;
    shoppers.push({ token, lineId: items[0].id });
  }

  // ------------------------------------------------ B: latency burst (a lock holds user writes 2.5 s)
  const db = await createConnection(DATABASE_URL);
  let slow = 0;
  let quantity = 1;
  const latency = await until(
    120,
    0,
    async () => {
      await db.query('LOCK TABLES cart_items WRITE');
      quantity = 3 - quantity;
      const started = Date.now();
      const pending = shoppers.map((s) => api('PATCH', `/api/v1/cart/items/${s.lineId}`, s.token, { quantity }));
      await sleep(2500);
      await db.query('UNLOCK TABLES');
      const done = await Promise.all(pending);
      if (done.every((r) => r.status < 500) && Date.now() - started >= 2400) slow += done.length;
    },
    () => firing('ApiHighResponseTime'),
  );
  note(`latency burst: ${slow} user writes answered after 2.5 s; ApiHighResponseTime firing: ${latency}`);
  check('alerts-latency-burst', latency && slow > 0);

  // ------------------------------------------------ C: error burst (the cart's table is gone)
  await db.query('RENAME TABLE cart_items TO cart_items_gone');
  const codes = new Map();
  let errors;
  try {
    errors = await until(
      120,
      300,
      async () => {
        for (const s of shoppers) {
          const r = await api('GET', '/api/v1/cart/items', s.token);
          codes.set(r.status, (codes.get(r.status) ?? 0) + 1);
        }
      },
      () => firing('ApiHighErrorRate'),
    );
  } finally {
    await db.query('RENAME TABLE cart_items_gone TO cart_items');
    await db.end();
  }
  note(
    `error burst: user requests answered ${JSON.stringify(Object.fromEntries(codes))}; ApiHighErrorRate firing: ${errors}`,
  );
  check('alerts-error-burst', errors && [...codes.keys()].some((c) => c >= 500));

  // ------------------------------------------------ D: the page reaches the robot, in Chinese
  const delivered = await until(
    40,
    1000,
    async () => undefined,
    async () => existsSync(ROBOT_FILE) && /ApiHighErrorRate/.test(readFileSync(ROBOT_FILE, 'utf8')),
  );
  const messages = delivered
    ? readFileSync(ROBOT_FILE, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
  const page1 = messages.find((m) => /ApiHighErrorRate/.test(m.markdown?.content ?? m.markdown?.text ?? ''));
  const content = page1?.markdown?.content ?? page1?.markdown?.text ?? '';
  note(`robot received ${messages.length} message(s); first page: ${content.split('\n')[0]}`);
  check('alerts-reach-robot', /【紧急】告警中：ApiHighErrorRate/.test(content));
}

main()
  .catch((err) => {
    note(`driver failed: ${err.stack ?? err}`);
  })
  .finally(() => {
    restartedRedis?.kill();
  });
