// The baseline: bare node:http sending prepared bytes (the same bodies the API answered, read
// once at start). No framework, no logging, no metrics: the ceiling for one Node process.
// Usage: node baseline-node.mjs <port> <bodies.json>   ({"/path": "<base64>", …})
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, bodiesFile] = process.argv.slice(2);
const bodies = new Map(
  Object.entries(JSON.parse(readFileSync(bodiesFile, 'utf8'))).map(([path, b64]) => [path, Buffer.from(b64, 'base64')]),
);
const type = 'application/json; charset=utf-8';

http
  .createServer((req, res) => {
    const body = bodies.get(req.url);
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': type, 'content-length': 2 }).end('{}');
    } else if (body) {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
    } else {
      res.writeHead(404).end();
    }
  })
  .listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
