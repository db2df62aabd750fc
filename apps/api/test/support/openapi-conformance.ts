import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../../src/common/openapi/openapi-document';

/**
 * Every answer the e2e and mini-program suites receive is checked against the OpenAPI document
 * (apps/api/test/support/test-app.ts feeds it): the route must document the status, and the
 * body must validate (ajv, JSON Schema 2020-12) against the schema documented for it. A route
 * that documents no schema for a JSON answer fails, so a new route cannot go undocumented.
 * Routes that are deliberately not in the document are listed here with the reason.
 */
export const UNDOCUMENTED_ROUTES: Record<string, string> = {
  'POST /api/v1/payments/wechat/notify': 'WeChat Pay callback: WeChat signs it and reads its own answer shape',
  'POST /api/v1/payments/wechat/refund-notify': 'WeChat Pay callback: WeChat signs it and reads its own answer shape',
  'GET /api/v1/wechat/push':
    'WeChat message push URL verification: WeChat signs it and reads the echostr as plain text',
  'POST /api/v1/wechat/push':
    'WeChat message push (safe mode): WeChat signs and encrypts it and reads "success" as plain text',
  'GET /api/docs': 'Swagger UI (HTML)',
  'GET /api/docs-json': 'the document itself',
  'GET /api/docs-yaml': 'the document itself',
  'GET /api/v1/assets/*': 'static files (images)',
  'GET /admin': 'the merchant console (HTML, apps/admin)',
  'GET /admin/*': 'the merchant console: its single-page app and hashed assets, not JSON',
  'GET /media/*': 'uploaded image files (local media driver): bytes with ETag and long caching, not JSON',
};

export interface Seen {
  route: string | null;
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

const METHOD_KEYS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

export class ConformanceRecorder {
  private readonly seen: Seen[] = [];

  /** A Fastify onSend hook: sees every answer with its route template, after serialisation. */
  attach(fastify: FastifyInstance): void {
    fastify.addHook('onSend', async (request, reply, payload) => {
      const url = request.routeOptions.url;
      this.record({
        route: url === undefined ? null : `${request.method} ${url}`,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        contentType: String(reply.getHeader('content-type') ?? ''),
        body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '',
      });
      return payload;
    });
  }

  record(answer: Seen): void {
    this.seen.push(answer);
  }

  /**
   * Validates what was seen; returns one line per violation. Writes the routes answered with a
   * success status to OPENAPI_COVERAGE_DIR (set by the jest global setup) for the coverage check.
   */
  check(app: INestApplication): string[] {
    if (this.seen.length === 0) return [];
    const document = buildOpenApiDocument(app);
    const validator = new SchemaValidator(document);
    const violations: string[] = [];
    const exercised = new Set<string>();
    for (const s of this.seen) {
      if (s.route === null) {
        // no route matched: the one error shape still applies
        const problem = validator.validate(s, { $ref: '#/components/schemas/ErrorResponse' }, 'unmatched route');
        if (problem) violations.push(problem);
        continue;
      }
      const [method, template] = [s.method.toLowerCase(), s.route.slice(s.method.length + 1)];
      if (isUndocumented(s.route)) continue;
      const path = template.replace(/:(\w+)/g, '{$1}');
      const operation = (document.paths[path] as Record<string, OperationLike> | undefined)?.[method];
      if (!operation || !METHOD_KEYS.has(method)) {
        violations.push(`${s.route} is not in the OpenAPI document (answered ${s.status} to ${s.url})`);
        continue;
      }
      const response = operation.responses?.[String(s.status)];
      if (!response) {
        violations.push(
          `${s.route} answered ${s.status}, which the document does not list ` +
            `(documented: ${Object.keys(operation.responses ?? {}).join(', ')}); body: ${s.body.slice(0, 200)}`,
        );
        continue;
      }
      if (s.status < 400) exercised.add(`${s.method} ${path}`);
      const content = response.content ?? {};
      const mediaType = Object.keys(content).find((type) => s.contentType.startsWith(type));
      if (s.body === '') {
        if (mediaType && Object.keys(content).length > 0 && s.status !== 204) {
          violations.push(`${s.route} answered ${s.status} with no body, but the document gives it one`);
        }
        continue;
      }
      if (!mediaType) {
        violations.push(
          `${s.route} answered ${s.status} with ${s.contentType || 'no content type'}, which the document does not ` +
            `describe (${Object.keys(content).join(', ') || 'no schema documented'})`,
        );
        continue;
      }
      const schema = content[mediaType].schema;
      if (!schema) {
        violations.push(`${s.route} ${s.status} ${mediaType}: no schema documented`);
        continue;
      }
      // text answers (Prometheus' exposition format) are documented as a string: nothing to parse
      if (!mediaType.includes('json')) continue;
      const problem = validator.validate(s, schema, `${s.route} ${s.status}`);
      if (problem) violations.push(problem);
    }
    const dir = process.env.OPENAPI_COVERAGE_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify([...exercised]));
    }
    this.seen.length = 0;
    return [...new Set(violations)];
  }
}

interface OperationLike {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

function isUndocumented(route: string): boolean {
  return Object.keys(UNDOCUMENTED_ROUTES).some((key) =>
    key.endsWith('*') ? route.startsWith(key.slice(0, -1)) : route === key,
  );
}

class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; `example` and friends are annotations.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: document.components }, 'openapi');
  }

  validate(seen: Seen, schema: object, label: string): string | null {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(key.replaceAll('"#/components/', '"openapi#/components/')) as object;
      validate = this.ajv.compile(rebased);
      this.compiled.set(key, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(seen.body);
    } catch {
      return `${label}: the body is not JSON (${seen.url}): ${seen.body.slice(0, 120)}`;
    }
    if (validate(body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
      .join('; ');
    return `${label} (${seen.method} ${seen.url}) does not match the document: ${errors}; body: ${seen.body.slice(0, 300)}`;
  }
}
