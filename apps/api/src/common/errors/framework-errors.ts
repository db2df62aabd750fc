import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode, type ErrorResponse } from '@sutwxapp/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Errors } from './app-error';
import { sendError } from './all-exceptions.filter';

/*
 * Errors raised before any route runs, answered in the one shape like everything else. Without
 * this, Node's parser failures (a raw 蓝牙 in a curl URL, a header over 16 KB) answered Fastify's
 * `{"error":"Bad Request","message":"Client Error"}`, with no code and no request id.
 */

const ENCODE_HINT =
  "percent-encode it as UTF-8 (curl -G --data-urlencode 'keyword=蓝牙' …; encodeURIComponent in JavaScript)";

function json(status: number, reason: string, body: ErrorResponse): string {
  const text = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(text)}\r\nX-Request-Id: ${body.requestId}\r\nConnection: close\r\n\r\n${text}`
  );
}

/** The request line as far as it arrived, for telling raw UTF-8 from other parse failures. */
function requestLine(err: { rawPacket?: unknown }): Buffer {
  const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : Buffer.alloc(0);
  const end = raw.indexOf('\r\n');
  return end < 0 ? raw : raw.subarray(0, end);
}

export function describeParseError(err: NodeJS.ErrnoException & { rawPacket?: unknown }): {
  status: number;
  reason: string;
  code: ErrorCode;
  message: string;
} {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      code: ErrorCode.HEADERS_TOO_LARGE,
      message: 'The URL and headers together exceed 16 KB; shorten the query string or drop large cookies',
    };
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      reason: 'Request Timeout',
      code: ErrorCode.REQUEST_TIMEOUT,
      message: 'The request did not arrive completely in time; send it again',
    };
  }
  if (err.code === 'HPE_INVALID_URL' && requestLine(err).some((byte) => byte >= 0x80)) {
    return {
      status: 400,
      reason: 'Bad Request',
      code: ErrorCode.MALFORMED_REQUEST,
      message: `The URL contains raw non-ASCII characters (such as Chinese); ${ENCODE_HINT}`,
    };
  }
  const detail = String(err.message ?? '').replace(/^Parse Error:\s*/, '') || 'unparseable request';
  return {
    status: 400,
    reason: 'Bad Request',
    code: ErrorCode.MALFORMED_REQUEST,
    message: `The HTTP request could not be parsed (${detail}); check the request line, the URL's escaping and the headers`,
  };
}

/** Fastify's `clientErrorHandler`: Node could not parse the request, so there is no route or reply. */
export function clientErrorHandler(
  this: FastifyInstance,
  err: NodeJS.ErrnoException & { rawPacket?: unknown },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  const { status, reason, code, message } = describeParseError(err);
  this.log.info({ requestId, status, parserError: err.code }, 'request refused before routing');
  if (socket.writable) socket.end(json(status, reason, { statusCode: status, code, message, requestId }));
  else socket.destroy();
}

/**
 * Fastify's `frameworkErrors`: the router refused the URL (a bad %-escape in the path, a path
 * parameter over its length limit). The request has an id but no route and no hooks ran.
 */
export function frameworkErrorHandler(err: Error, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  sendError(err, request, reply);
}

/** A query string with a %-escape that is not UTF-8 (`?keyword=%E8%93`): the name of the bad parameter. */
export function badlyEncodedQueryParameter(url: string): string | null {
  const at = url.indexOf('?');
  if (at < 0 || url.indexOf('%', at) < 0) return null;
  for (const pair of url.slice(at + 1).split('&')) {
    const eq = pair.indexOf('=');
    try {
      decodeURIComponent((eq < 0 ? pair : pair.slice(eq + 1)).replace(/\+/g, ' '));
      decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    } catch {
      return eq < 0 ? pair.slice(0, 40) : pair.slice(0, Math.min(eq, 40));
    }
  }
  return null;
}

export function badQueryError(parameter: string): AppError {
  return Errors.MALFORMED_REQUEST(
    `The query parameter "${parameter}" is not valid percent-encoded UTF-8; ${ENCODE_HINT}`,
  );
}

/**
 * HTTP/1.1 requires Host, and Node answers a request without one with an empty 400 before any
 * handler sees it. The server is created with `requireHostHeader: false` and the check is made
 * here instead, answering in the one shape.
 */
export function refuseWithoutHost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.httpVersionMajor !== 1 || req.httpVersionMinor !== 1 || req.headers.host !== undefined) return false;
  const requestId = randomUUID();
  const body = JSON.stringify({
    statusCode: 400,
    code: ErrorCode.MALFORMED_REQUEST,
    message: 'HTTP/1.1 requests must carry a Host header',
    requestId,
  } satisfies ErrorResponse);
  res.writeHead(400, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    connection: 'close',
  });
  res.end(body);
  return true;
}
