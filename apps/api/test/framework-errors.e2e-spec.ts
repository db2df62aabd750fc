/*
 * Errors raised before a route runs (Node's HTTP parser, Fastify's router and body parsers, the
 * not-found handler) answer in the one documented shape {statusCode, code, message, requestId},
 * like everything else. The requests are written byte for byte on a socket: clients such as curl
 * send raw UTF-8 and other things an HTTP library would refuse to.
 */
import { connect } from 'node:net';
import { backendLabel, startTestApp, type TestApp } from './support/test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function raw(baseUrl: string, request: string | Buffer): Promise<RawAnswer> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    // the server may answer (413, 431) and close before the whole request is written
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      try {
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(text.slice(split + 4)) });
      } catch {
        reject(new Error(`not a JSON answer:\n${text}`));
      }
    });
    socket.end(request);
  });
}

const get = (target: string | Buffer, extra = ''): Buffer =>
  Buffer.concat([
    Buffer.from('GET '),
    Buffer.from(target),
    Buffer.from(` HTTP/1.1\r\nHost: shop.test\r\nConnection: close\r\n${extra}\r\n`),
  ]);
const post = (path: string, contentType: string | null, body: string | Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: shop.test\r\nConnection: close\r\n` +
        (contentType ? `Content-Type: ${contentType}\r\n` : '') +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    ),
    Buffer.from(body),
  ]);

describe(`errors raised before any route runs (${backendLabel})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases: Array<[string, number, string, RegExp, () => string | Buffer]> = [
    ['a garbage request line', 400, 'MALFORMED_REQUEST', /could not be parsed/, () => 'GARBAGE\r\n\r\n'],
    [
      'an HTTP version that does not exist',
      400,
      'MALFORMED_REQUEST',
      /version/i,
      () => 'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    ],
    [
      'raw UTF-8 in the query (what curl sends for ?keyword=蓝牙)',
      400,
      'MALFORMED_REQUEST',
      /percent-encode.*--data-urlencode/,
      () => get(Buffer.from('/api/v1/catalog/products?keyword=蓝牙', 'utf8')),
    ],
    [
      'a %-escape that is not UTF-8 in the query',
      400,
      'MALFORMED_REQUEST',
      /"keyword" is not valid percent-encoded UTF-8/,
      () => get('/api/v1/catalog/products?keyword=%E8%93'),
    ],
    [
      'a broken %-escape in the path',
      400,
      'MALFORMED_REQUEST',
      /invalid %-escape/,
      () => get('/api/v1/catalog/products/%zz'),
    ],
    [
      'a header line that is not a header',
      400,
      'MALFORMED_REQUEST',
      /header/,
      () => get('/api/v1/health/live', 'Bad Header: x\r\n'),
    ],
    ['no Host header on HTTP/1.1', 400, 'MALFORMED_REQUEST', /Host/, () => 'GET /api/v1/health/live HTTP/1.1\r\n\r\n'],
    [
      'headers over 16 KB',
      431,
      'HEADERS_TOO_LARGE',
      /16 KB/,
      () => get('/api/v1/health/live', `X-Big: ${'a'.repeat(20_000)}\r\n`),
    ],
    [
      'a URL over 16 KB',
      431,
      'HEADERS_TOO_LARGE',
      /16 KB/,
      () => get(`/api/v1/catalog/products?keyword=${'a'.repeat(20_000)}`),
    ],
    ['an unknown route', 404, 'ROUTE_NOT_FOUND', /no-such-thing/, () => get('/api/v1/no-such-thing')],
    [
      'an unknown HTTP method',
      400,
      'MALFORMED_REQUEST',
      /method/i,
      () => 'FOO /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    [
      'a body over the limit',
      413,
      'PAYLOAD_TOO_LARGE',
      /larger than the server accepts/,
      () => post('/api/v1/auth/wechat-login', 'application/json', JSON.stringify({ code: 'a'.repeat(600 * 1024) })),
    ],
    [
      'a body that is not JSON',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /application\/json/,
      () => post('/api/v1/auth/wechat-login', 'text/xml', '<code/>'),
    ],
    [
      'a body with no Content-Type',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /application\/json/,
      () => post('/api/v1/auth/wechat-login', null, '{"code":"a"}'),
    ],
    [
      'malformed JSON',
      400,
      'MALFORMED_JSON',
      /not valid JSON/,
      () => post('/api/v1/auth/wechat-login', 'application/json', '{"code":'),
    ],
    [
      'an empty JSON body',
      400,
      'MALFORMED_JSON',
      /JSON/,
      () => post('/api/v1/auth/wechat-login', 'application/json', ''),
    ],
    [
      'a JSON body poisoning __proto__',
      400,
      'MALFORMED_JSON',
      /JSON/,
      () => post('/api/v1/auth/wechat-login', 'application/json', '{"code":"a","__proto__":{"admin":true}}'),
    ],
  ];

  it.each(cases)('%s → %i %s', async (_what, status, code, message, request) => {
    const res = await raw(t.baseUrl, request());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      statusCode: status,
      code,
      message: expect.stringMatching(message),
      requestId: expect.any(String),
    });
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });

  it('answers a method a path does not take with 405 and Allow, in the one shape', async () => {
    const put = await t.http.put('/api/v1/catalog/products').send({}).expect(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    expect(put.body).toEqual({
      statusCode: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: 'PUT is not allowed on /api/v1/catalog/products; it answers GET, HEAD',
      requestId: put.headers['x-request-id'],
    });
    const remove = await t.http.delete('/api/v1/orders/12/cancel').expect(405);
    expect(remove.headers.allow).toBe('POST');
    expect(remove.body.code).toBe('METHOD_NOT_ALLOWED');
    // a route of the method asked that finds nothing is a 404, even though HEAD also matches
    const missing = await t.http.get('/api/v1/assets/demo/no-such.svg').expect(404);
    expect(missing.headers.allow).toBeUndefined();
  });

  it('accepts the same search when the query is percent-encoded', async () => {
    const res = await t.http.get(`/api/v1/catalog/products?keyword=${encodeURIComponent('蓝牙')}`).expect(200);
    expect(res.body).toMatchObject({ items: expect.any(Array), page: 1 });
  });
});
