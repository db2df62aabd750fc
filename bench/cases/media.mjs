// Case 9: image uploads (issue 20). A 12-megapixel phone photo of ~3 MB, uploaded by an operator:
// received as a stream, hashed, decoded, auto-rotated, resized to 240/750/1500 px, encoded as JPEG
// and WebP and stored (local disk driver). Uploads/s one after another, then 10 at once with the
// API's resident memory sampled every 50 ms. Each upload is a different file (a JPEG comment makes
// the bytes differ), so content addressing never short-cuts the work.
/* global fetch, FormData -- Node 20's built-in fetch */
import { Blob, Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { spawnNode, stop, waitFor200 } from '../lib/procs.mjs';
import { freePort, log, median, rssMb, rssSampler, sleep } from '../lib/util.mjs';

const require = createRequire(import.meta.url);

/** A photo-like 4032×3024 JPEG (smooth colour fields plus sensor-like grain), about 3 MB. */
async function phonePhoto() {
  const sharp = require('sharp');
  const width = 4032;
  const height = 3024;
  const base = await sharp({
    create: {
      width: width / 8,
      height: height / 8,
      channels: 3,
      background: '#888',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const grain = await sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 0, sigma: 6 } },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.min(255, base[i] + grain[i]);
  return sharp(base, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 1 })
    .toBuffer();
}

/** The same picture with a different JPEG comment: other bytes, other hash, same decoding work. */
function variant(jpeg, n) {
  const text = Buffer.from(`bench ${n} ${randomBytes(4).toString('hex')}`);
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, text, jpeg.subarray(2)]);
}

async function upload(apiUrl, token, file, n) {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'image/jpeg' }), `IMG_${n}.JPG`);
  const started = performance.now();
  const res = await fetch(`${apiUrl}/api/v1/admin/media`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`);
  return performance.now() - started;
}

export async function runMedia({ dist, env, logFile, sequential = 8, concurrent = 10 }) {
  log('media: making a 12 MP phone photo');
  const photo = await phonePhoto();
  const port = await freePort();
  const api = spawnNode(`${dist}/apps/api/src/main.js`, {
    env: {
      ...env(port),
      SEED_DEMO: 'false',
      MEDIA_DRIVER: 'local',
      MEDIA_LOCAL_DIR: resolve('bench/.tmp/data/media-bench'),
      MEDIA_MAX_FILE_BYTES: String(20 * 1024 * 1024),
    },
    logFile,
  });
  try {
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitFor200(`${apiUrl}/api/v1/health`, { child: api, everyMs: 50 });
    const login = await fetch(`${apiUrl}/api/v1/auth/admin-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: env(port).ADMIN_USERNAME, password: env(port).ADMIN_PASSWORD }),
    });
    const { accessToken } = await login.json();
    if (!accessToken) throw new Error(`admin login answered ${login.status}`);
    // one upload to load sharp and warm libvips before timing
    await upload(apiUrl, accessToken, variant(photo, -1), -1);
    await sleep(1000);
    const idleMb = rssMb(api.pid);

    log(`media: ${sequential} uploads one after another`);
    const times = [];
    const seqStart = performance.now();
    for (let i = 0; i < sequential; i++) times.push(await upload(apiUrl, accessToken, variant(photo, i), i));
    const seqSeconds = (performance.now() - seqStart) / 1000;

    log(`media: ${concurrent} uploads at once`);
    const files = Array.from({ length: concurrent }, (_, i) => variant(photo, 1000 + i));
    const sampler = rssSampler(api.pid, 50);
    const conStart = performance.now();
    const conTimes = await Promise.all(files.map((f, i) => upload(apiUrl, accessToken, f, 1000 + i)));
    const conSeconds = (performance.now() - conStart) / 1000;
    const peakMb = sampler.stop();
    return {
      photoBytes: photo.length,
      photoPixels: '4032x3024',
      processConcurrency: Number(env(port).MEDIA_PROCESS_CONCURRENCY ?? 2),
      sequential: {
        uploads: sequential,
        seconds: seqSeconds,
        perSecond: sequential / seqSeconds,
        p50Ms: median(times),
      },
      concurrent: {
        uploads: concurrent,
        seconds: conSeconds,
        perSecond: concurrent / conSeconds,
        p50Ms: median(conTimes),
        maxMs: Math.max(...conTimes),
        idleRssMb: idleMb,
        peakRssMb: peakMb,
      },
    };
  } finally {
    await stop(api);
  }
}

export function mediaLine(m) {
  const f1 = (n) => n.toFixed(1);
  return (
    `- media uploads (${(m.photoBytes / 1024 / 1024).toFixed(1)} MB ${m.photoPixels} JPEG → 240/750/1500 px JPEG+WebP, local disk): ` +
    `${f1(m.sequential.perSecond)} uploads/s one at a time (p50 ${Math.round(m.sequential.p50Ms)} ms); ` +
    `${m.concurrent.uploads} at once: ${f1(m.concurrent.perSecond)} uploads/s, slowest ${Math.round(m.concurrent.maxMs)} ms, ` +
    `API RSS ${Math.round(m.concurrent.idleRssMb)} MB idle → peak ${Math.round(m.concurrent.peakRssMb)} MB ` +
    `(MEDIA_PROCESS_CONCURRENCY=${m.processConcurrency})`
  );
}
