// Reference only: plain Fastify (no Nest, logger off) sending the same prepared bytes, to show
// where the framework ceiling sits between bare Node and the API.
// Usage: node baseline-fastify.mjs <port> <bodies.json>   (paths without query strings)
import { Buffer } from 'node:buffer';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const [port, bodiesFile] = process.argv.slice(2);
const bodies = Object.entries(JSON.parse(readFileSync(bodiesFile, 'utf8')));
const app = Fastify({ logger: false });
app.get('/health', async () => ({}));
for (const [path, b64] of bodies) {
  const body = Buffer.from(b64, 'base64');
  app.get(path, (_req, reply) => {
    void reply.type('application/json; charset=utf-8').send(body);
  });
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
