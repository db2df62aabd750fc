// Runs the shipped deploy/nginx/nginx.conf as a child on loopback: only the upstream addresses,
// the listen port and file paths are rewritten, plus the per-IP rate limits removed (the whole
// load comes from one loopback address). The proxy settings (sutwxapp-proxy.conf) are used as is.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { ROOT, waitFor } from './common.mjs';
import { request } from './http.mjs';
import { startChild, stopChild, which } from './procs.mjs';

export function renderNginxConf(dir, { port, upstreams }) {
  let conf = readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8');
  const servers = [...conf.matchAll(/^\s*server\s+api-\d+:\d+([^;]*);/gm)];
  if (servers.length !== upstreams.length) {
    throw new Error(`deploy/nginx/nginx.conf has ${servers.length} upstream servers, expected ${upstreams.length}`);
  }
  servers.forEach((m, i) => {
    conf = conf.replace(m[0], m[0].replace(/api-\d+:\d+/, `127.0.0.1:${upstreams[i]}`));
  });
  conf = conf
    .replace(/listen\s+80\s+default_server;/, `listen 127.0.0.1:${port} default_server;`)
    .replace(/^\s*error_log\s+[^;]+;/m, `error_log ${join(dir, 'error.log')} warn;`)
    .replace(
      /access_log\s+\/var\/log\/nginx\/access\.log\s+json_lines;/,
      `access_log ${join(dir, 'access.log')} json_lines;`,
    )
    .replace(
      /include\s+\/etc\/nginx\/sutwxapp-proxy\.conf;/g,
      `include ${join(ROOT, 'deploy/nginx/sutwxapp-proxy.conf')};`,
    )
    .replace(/^\s*limit_(req|conn)\s+zone=.*;$/gm, '')
    .replace(/^\s*limit_conn\s+conn_per_ip\s+\d+;$/gm, '');
  const head = [
    `pid ${join(dir, 'nginx.pid')};`,
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'daemon off;',
  ].join('\n');
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`)
    .join('\n');
  conf = `${head}\n${conf.replace(/http\s*\{/, `http {\n${temps}`)}`;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  return file;
}

export async function startNginx(dir, { port, upstreams }) {
  const bin = which('nginx');
  if (!bin) throw new Error('nginx not found (apt-get install -y nginx)');
  const conf = renderNginxConf(dir, { port, upstreams });
  const proc = startChild(`nginx-${port}`, bin, ['-p', `${dir}/`, '-c', conf, '-e', join(dir, 'error.log')], {
    keepLines: true,
  });
  await waitFor(
    `nginx on ${port}`,
    async () => (await request('GET', `http://127.0.0.1:${port}/nginx-health`, { timeoutMs: 1000 })).status === 200,
    {
      timeoutMs: 15_000,
    },
  );
  return {
    proc,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    accessLog: join(dir, 'access.log'),
    errorLog: join(dir, 'error.log'),
    stop: () => stopChild(proc, { signal: 'SIGQUIT' }),
  };
}
