import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorCode } from '@sutwxapp/contracts';
import { CONTRACT_SCHEMAS } from '../../../../../libs/contracts/schemas/contract-schemas';
import { ERROR_CODES_EXTENSION, ROLES_EXTENSION } from './api-route.decorator';

export { ROLES_EXTENSION } from './api-route.decorator';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;
type Operation = Json & {
  summary?: string;
  description?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Json[];
  [ERROR_CODES_EXTENSION]?: Record<string, ErrorCode[]>;
  [ROLES_EXTENSION]?: string[];
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in, or the token is invalid or expired',
  403: 'Signed in with the wrong role',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Request body is not JSON',
  429: 'Too many requests',
  502: 'An upstream service answered an error',
  503: 'A dependency is unavailable',
};

/** The OpenAPI 3.1 document of the running application: /api/docs-json and `npm run openapi`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('SutWxApp API')
      .setDescription(
        'WeChat mini-program shop: catalog, cart, orders, WeChat Pay, logistics. Money is integer fen (CNY); ' +
          'every error answers `{statusCode, code, message, requestId}` with a stable `code`.',
      )
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addBearerAuth()
      .build(),
    // `OrderController.create` → `orderCreate`: the generated client's function names.
    {
      operationIdFactory: (controller, method) =>
        `${lowerFirst(controller.replace(/Controller$/, ''))}${upperFirst(method)}`,
    },
  );
  return finishDocument(document);
}

/**
 * Turns what the decorators recorded into the contract: component schemas from libs/contracts,
 * error responses with their possible codes, auth and role, OpenAPI 3.1 nullability.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  components.schemas = { ...toOpenApi31(components.schemas ?? {}), ...CONTRACT_SCHEMAS } as typeof components.schemas;
  for (const [template, path] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (path as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      Object.assign(operation, FRAMEWORK_ROUTES[`${method.toUpperCase()} ${template}`]);
      declarePathIds(template, operation);
      finishOperation(operation);
    }
  }
  // DTO classes (query parameters) become components too; keep only what is referenced.
  const used = JSON.stringify(document.paths);
  for (const name of Object.keys(components.schemas ?? {})) {
    if (!(name in CONTRACT_SCHEMAS) && !used.includes(`"#/components/schemas/${name}"`)) {
      delete (components.schemas as Json)[name];
    }
  }
  return JSON.parse(JSON.stringify(toOpenApi31(document))) as OpenAPIObject;
}

/** The error shape with the codes a status can carry (as finishOperation writes them). */
function errorResponse(description: string, codes: ErrorCode[]): Json {
  return {
    description,
    content: {
      'application/json': {
        schema: { allOf: [{ $ref: '#/components/schemas/ErrorResponse' }], properties: { code: { enum: codes } } },
      },
    },
  };
}

/** Routes whose controllers are not ours (no @ApiRoute possible): documented here. */
const FRAMEWORK_ROUTES: Record<string, Partial<Operation>> = {
  'GET /metrics': {
    summary: 'Prometheus metrics (text exposition format)',
    responses: {
      '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } },
      '401': errorResponse('METRICS_TOKEN is set and the bearer token is missing or wrong', [ErrorCode.UNAUTHORIZED]),
      '404': errorResponse('METRICS_PORT is set: /metrics is served there, not on the public port', [
        ErrorCode.ROUTE_NOT_FOUND,
      ]),
    },
  },
};

/**
 * `@IdParam()` is a custom parameter decorator, which the Swagger explorer cannot see: every
 * `{name}` in a path is a positive integer id (apps/api/src/common/parse-id.pipe.ts).
 */
function declarePathIds(template: string, op: Operation): void {
  const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    if (declared.has(name)) continue;
    (op.parameters ??= []).push({
      name,
      in: 'path',
      required: true,
      description: 'a positive integer id',
      schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    });
  }
}

function finishOperation(op: Operation): void {
  const errors = new Map<number, Set<ErrorCode>>();
  const add = (status: number, ...codes: ErrorCode[]): void => {
    const set = errors.get(status) ?? new Set<ErrorCode>();
    for (const code of codes) set.add(code);
    errors.set(status, set);
  };
  const hasInput = Boolean(op.requestBody) || (op.parameters ?? []).length > 0;
  if (hasInput) add(400, ErrorCode.VALIDATION_FAILED);
  // a query string that is not valid percent-encoded UTF-8 is refused before the route runs
  if ((op.parameters ?? []).some((p) => p.in === 'query')) add(400, ErrorCode.MALFORMED_REQUEST);
  if (op.requestBody) {
    add(400, ErrorCode.MALFORMED_JSON);
    add(413, ErrorCode.PAYLOAD_TOO_LARGE);
    add(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  }
  const roles = op[ROLES_EXTENSION];
  if (roles?.length) {
    add(401, ErrorCode.UNAUTHORIZED, ErrorCode.TOKEN_EXPIRED);
    add(403, ErrorCode.FORBIDDEN);
    op.security = [{ bearer: [] }];
    const who = roles.map((r) => (r === 'admin' ? 'an operator (admin)' : 'a shopper')).join(' or ');
    op.description = [`**Auth:** bearer token of ${who}.`, op.description].filter(Boolean).join('\n\n');
  } else {
    op.security = [];
    op.description = ['**Auth:** none (public).', op.description].filter(Boolean).join('\n\n');
  }
  for (const [status, codes] of Object.entries(op[ERROR_CODES_EXTENSION] ?? {})) add(Number(status), ...codes);
  // any route can meet a database or cache that is down or whose pool stays exhausted
  add(503, ErrorCode.SERVICE_UNAVAILABLE);
  delete op[ERROR_CODES_EXTENSION];

  for (const [status, codes] of [...errors].sort(([a], [b]) => a - b)) {
    const list = [...codes];
    op.responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${list.join(', ')}`,
      content: {
        'application/json': {
          schema: {
            allOf: [{ $ref: '#/components/schemas/ErrorResponse' }],
            properties: { code: { enum: list } },
          },
        },
      },
    };
  }
}

/** OpenAPI 3.0's `nullable: true` (left by @ApiProperty on DTOs) → 3.1's `type: [x, "null"]`. */
function toOpenApi31<T>(node: T): T {
  if (Array.isArray(node)) return node.map(toOpenApi31) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) out[key] = toOpenApi31(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.$ref || out.allOf) return { anyOf: [{ ...out }, { type: 'null' }] } as T;
  } else if (out.nullable === false) delete out.nullable;
  return out as T;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
