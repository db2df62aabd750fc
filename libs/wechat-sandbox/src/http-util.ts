import type { IncomingMessage, ServerResponse } from 'node:http';

/** What every sandbox handler receives. `body` is the raw request bytes, never re-parsed. */
export interface SandboxRequest {
  method: string;
  /** parsed with the sandbox base; pathname is compared case-sensitively like WeChat does */
  url: URL;
  /** the request target exactly as sent (path + query): what WeChat Pay signatures cover */
  rawUrl: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** regex groups of the matched route, already percent-decoded */
  params: string[];
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** a string is sent as-is (so signatures over it stay valid); an object is JSON-encoded */
  body?: string | object;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
  method: string;
  path: string | RegExp;
  handler: Handler;
}

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function json(status: number, body: object, headers: Record<string, string> = {}): SandboxResponse {
  return { status, body, headers };
}

export function writeResponse(res: ServerResponse, out: SandboxResponse): void {
  let text = '';
  const headers: Record<string, string> = { ...out.headers };
  if (typeof out.body === 'string') text = out.body;
  else if (out.body !== undefined) text = JSON.stringify(out.body);
  if (text && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  if (out.status === 204 || out.status === 304) {
    res.writeHead(out.status, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(out.status, headers);
  res.end(text);
}

/** Parses a JSON body, answering undefined (not throwing) for anything that is not an object. */
export function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function headerValue(headers: IncomingMessage['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
