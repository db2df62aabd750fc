// node --test deploy/alertmanager/robot-bridge/ — the bridge against local fake robots that
// check what the real ones check (JSON shape, DingTalk signature) and record the messages.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { createBridge, renderMarkdown } from './bridge.mjs';

const SECRET = 'SEC0123456789abcdef';
const received = [];
let robot;
let bridge;
let base;

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

before(async () => {
  robot = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/dingtalk') {
        const ts = url.searchParams.get('timestamp');
        const want = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
        if (url.searchParams.get('sign') !== want) {
          return res.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
        }
      }
      if (url.pathname === '/broken') return res.end(JSON.stringify({ errcode: 93000, errmsg: 'invalid webhook url' }));
      received.push({ path: url.pathname, body: JSON.parse(raw) });
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  const robotPort = await listen(robot);
  bridge = createBridge({
    WECOM_WEBHOOK_URL: `http://127.0.0.1:${robotPort}/wecom?key=k`,
    DINGTALK_WEBHOOK_URL: `http://127.0.0.1:${robotPort}/dingtalk?access_token=t`,
    DINGTALK_SECRET: SECRET,
  });
  base = `http://127.0.0.1:${await listen(bridge)}`;
});
after(() => {
  bridge.close();
  robot.close();
});

const notification = {
  status: 'firing',
  groupLabels: { alertname: 'ApiHighErrorRate' },
  commonLabels: { alertname: 'ApiHighErrorRate', severity: 'critical', job: 'sutwxapp-api' },
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'ApiHighErrorRate', severity: 'critical', namespace: 'shop' },
      annotations: { summary: 'API 5xx error rate above 5%', description: '12% of user requests answered 5xx' },
      startsAt: '2026-12-03T16:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
    },
  ],
};

test('renders a Chinese markdown message in Beijing time', () => {
  const { title, text } = renderMarkdown(notification);
  assert.equal(title, '【紧急】告警中：ApiHighErrorRate');
  assert.match(text, /开始：2026-12-04 00:00:00 \(北京时间\)/);
  assert.match(text, /详情：12% of user requests answered 5xx/);
  assert.match(text, /共 1 条/);
});

test('posts WeCom markdown and signed DingTalk markdown that @s everyone for critical', async () => {
  assert.equal((await fetch(`${base}/wecom`, { method: 'POST', body: JSON.stringify(notification) })).status, 200);
  assert.equal((await fetch(`${base}/dingtalk`, { method: 'POST', body: JSON.stringify(notification) })).status, 200);
  const wecom = received.find((r) => r.path === '/wecom');
  assert.equal(wecom.body.msgtype, 'markdown');
  assert.match(wecom.body.markdown.content, /^### 【紧急】告警中：ApiHighErrorRate/);
  const ding = received.find((r) => r.path === '/dingtalk');
  assert.equal(ding.body.markdown.title, '【紧急】告警中：ApiHighErrorRate');
  assert.equal(ding.body.at.isAtAll, true);
});

test('a resolved warning does not @ anyone', async () => {
  const resolved = {
    ...notification,
    status: 'resolved',
    commonLabels: { ...notification.commonLabels, severity: 'warning' },
    alerts: [{ ...notification.alerts[0], status: 'resolved', endsAt: '2026-12-03T16:10:00Z' }],
  };
  received.length = 0;
  assert.equal((await fetch(`${base}/dingtalk`, { method: 'POST', body: JSON.stringify(resolved) })).status, 200);
  assert.equal(received[0].body.at.isAtAll, false);
  assert.match(received[0].body.markdown.text, /【警告】已恢复/);
  assert.match(received[0].body.markdown.text, /恢复：2026-12-04 00:10:00/);
});

test('a refused robot answers 502 so Alertmanager retries; bad bodies 400', async () => {
  const broken = createBridge({ WECOM_WEBHOOK_URL: `${base.replace(/:\d+$/, `:${robot.address().port}`)}/broken` });
  const port = await listen(broken);
  const res = await fetch(`http://127.0.0.1:${port}/wecom`, { method: 'POST', body: JSON.stringify(notification) });
  assert.equal(res.status, 502);
  broken.close();
  assert.equal((await fetch(`${base}/wecom`, { method: 'POST', body: 'not json' })).status, 400);
});
