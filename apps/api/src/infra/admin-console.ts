import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The merchant console (apps/admin, built by `npm run build` into dist/admin) served at /admin.
 * Hashed files under /admin/assets/ are cached for a year (their names change with their
 * content); every other path is the single-page app's index.html, never cached, so a new build
 * is picked up on the next reload and deep links (/admin/orders/12) survive a refresh.
 *
 * The Content-Security-Policy allows only this origin: no inline script, no eval, no third-party
 * hosts. TDesign writes inline style attributes, hence 'unsafe-inline' for styles only.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', ADMIN_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

export function registerAdminConsole(fastify: FastifyInstance, dir: string): void {
  const indexFile = join(dir, 'index.html');
  let index: Buffer | null = null;
  const readIndex = (): Buffer | null => {
    // read once per process: a rebuild comes with a restart (npm start builds first)
    if (index === null && existsSync(indexFile)) index = readFileSync(indexFile);
    return index;
  };

  const handler = async (request: { url: string }, reply: FastifyReply): Promise<FastifyReply> => {
    const path = decodeURIComponent(request.url.split('?')[0]).replace(/^\/admin\/?/, '');
    securityHeaders(reply);
    if (path.startsWith('assets/')) {
      const file = normalize(join(dir, path));
      if (!file.startsWith(join(dir, 'assets') + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      }
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .send(createReadStream(file));
    }
    const html = readIndex();
    if (!html) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('The merchant console is not built: run `npm run build` (or `npm start`, which builds first).');
    }
    return reply.header('cache-control', 'no-cache').type(TYPES['.html']).send(html);
  };
  fastify.get('/admin', handler);
  fastify.get('/admin/*', handler);
}
