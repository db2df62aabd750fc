// Alertmanager → 企业微信群机器人 / 钉钉群机器人. Alertmanager's webhook sends its own JSON and
// cannot shape the body these robots need, so this small bridge renders each notification as a
// Chinese markdown message and posts it. No dependencies: Node's http, crypto and fetch.
//
//   POST /wecom     → WECOM_WEBHOOK_URL      (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)
//   POST /dingtalk  → DINGTALK_WEBHOOK_URL   (https://oapi.dingtalk.com/robot/send?access_token=…)
//                     signed with DINGTALK_SECRET when set (the robot's 加签 security setting)
//   GET  /healthz   → 200
// Listens on BRIDGE_HOST:BRIDGE_PORT (default 0.0.0.0:8060). Answers 502 when a robot refuses,
// so Alertmanager retries and its notification-failure metrics show it.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const SEVERITY = { critical: '紧急', warning: '警告', info: '提示' };
const STATUS = { firing: '告警中', resolved: '已恢复' };

/** Beijing time, as operators read it. */
function beijing(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime()) || t.getUTCFullYear() < 2000) return '—';
  return new Date(t.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) + ' (北京时间)';
}

/** One markdown message for one Alertmanager notification (a group of alerts). */
export function renderMarkdown(payload) {
  const status = payload.status === 'resolved' ? 'resolved' : 'firing';
  const severity = payload.commonLabels?.severity ?? payload.alerts?.[0]?.labels?.severity ?? 'warning';
  const name = payload.commonLabels?.alertname ?? payload.groupLabels?.alertname ?? '告警';
  const title = `【${SEVERITY[severity] ?? severity}】${STATUS[status]}：${name}`;
  const lines = [`### ${title}`];
  for (const alert of payload.alerts ?? []) {
    const labels = alert.labels ?? {};
    const where = [labels.namespace, labels.instance, labels.dependency].filter(Boolean).join(' / ');
    lines.push(
      '',
      `**${alert.annotations?.summary ?? labels.alertname ?? name}**`,
      `> 状态：${STATUS[alert.status] ?? alert.status}${where ? `  对象：${where}` : ''}`,
      `> 开始：${beijing(alert.startsAt)}${alert.status === 'resolved' ? `  恢复：${beijing(alert.endsAt)}` : ''}`,
    );
    if (alert.annotations?.description) lines.push(`> 详情：${alert.annotations.description}`);
  }
  lines.push('', `共 ${payload.alerts?.length ?? 0} 条。处理步骤见《运维手册》§故障处理。`);
  return { title, text: lines.join('\n') };
}

/** 钉钉加签: sign = base64(HmacSHA256(secret, `${timestamp}\n${secret}`)), both as query params. */
export function dingtalkSignedUrl(url, secret, now = Date.now()) {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(now));
  u.searchParams.set('sign', sign);
  return u.toString();
}

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  // Both robots answer 200 with {errcode: 0} on success and a non-zero errcode otherwise.
  let errcode = 0;
  try {
    errcode = JSON.parse(text).errcode ?? 0;
  } catch {
    errcode = res.ok ? 0 : -1;
  }
  if (!res.ok || errcode !== 0) throw new Error(`robot answered ${res.status}: ${text.slice(0, 200)}`);
}

export function createBridge(env = process.env) {
  const targets = {
    '/wecom': (payload) => {
      if (!env.WECOM_WEBHOOK_URL) throw new Error('WECOM_WEBHOOK_URL is not set');
      const { text } = renderMarkdown(payload);
      return post(env.WECOM_WEBHOOK_URL, { msgtype: 'markdown', markdown: { content: text } });
    },
    '/dingtalk': (payload) => {
      if (!env.DINGTALK_WEBHOOK_URL) throw new Error('DINGTALK_WEBHOOK_URL is not set');
      const { title, text } = renderMarkdown(payload);
      const atAll = payload.status !== 'resolved' && payload.commonLabels?.severity === 'critical';
      return post(dingtalkSignedUrl(env.DINGTALK_WEBHOOK_URL, env.DINGTALK_SECRET), {
        msgtype: 'markdown',
        markdown: { title, text: atAll ? `${text}\n\n@所有人` : text },
        at: { isAtAll: atAll },
      });
    },
  };
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return void res.writeHead(200).end('ok\n');
    const target = targets[path];
    if (req.method !== 'POST' || !target) return void res.writeHead(404).end('not found\n');
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      raw += chunk;
      if (raw.length > 1_000_000) req.destroy();
    });
    req.on('end', () => {
      let payload;
      try {
        payload = JSON.parse(raw);
      } catch {
        return void res.writeHead(400).end('body is not JSON\n');
      }
      target(payload).then(
        () => res.writeHead(200).end('sent\n'),
        (err) => {
          console.error(`robot-bridge ${path}: ${err.message}`);
          res.writeHead(502).end(`${err.message}\n`);
        },
      );
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.BRIDGE_PORT ?? 8060);
  const host = process.env.BRIDGE_HOST ?? '0.0.0.0';
  createBridge().listen(port, host, () => console.log(`robot-bridge listening on ${host}:${port}`));
}
