import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { ErrorCode } from '@sutwxapp/contracts';
import { ConformanceRecorder } from './support/openapi-conformance';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as Json;

function operations(doc: Json): Array<{ key: string; op: Json }> {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as Json })),
  );
}

describe('OpenAPI document', () => {
  let t: TestApp;
  let served: Json;

  beforeAll(async () => {
    t = await startTestApp({ OPENAPI_DOCS: 'true' });
    served = (await t.http.get('/api/docs-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is what docs/openapi.json says (run `npm run openapi` after changing a route or contract)', () => {
    expect(served).toEqual(committed);
  });

  it('validates as OpenAPI 3.1 with a real validator', async () => {
    expect(served.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(served) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('the validator is not a rubber stamp: it refuses a broken document', async () => {
    const broken = structuredClone(served);
    broken.paths['/api/v1/orders'].post.responses = 'none';
    expect((await validate(broken as Parameters<typeof validate>[0])).valid).toBe(false);
  });

  it('gives every operation a summary, a success schema, its error codes and its auth', () => {
    const problems: string[] = [];
    const errorCodes = new Set<string>(Object.values(ErrorCode));
    for (const { key, op } of operations(served)) {
      if (!op.summary) problems.push(`${key}: no summary`);
      const statuses = Object.keys(op.responses ?? {});
      const success = statuses.filter((s) => s.startsWith('2'));
      if (success.length === 0) problems.push(`${key}: no success response`);
      for (const status of success) {
        const content = op.responses[status].content as Json | undefined;
        if (status !== '204' && !Object.values(content ?? {}).some((c) => (c as Json).schema)) {
          problems.push(`${key} ${status}: no response schema`);
        }
      }
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const schema = op.responses[status].content?.['application/json']?.schema as Json | undefined;
        const codes = (schema?.properties?.code?.enum ?? []) as string[];
        if (schema?.allOf?.[0]?.$ref !== '#/components/schemas/ErrorResponse')
          problems.push(`${key} ${status}: not the error shape`);
        if (codes.length === 0) problems.push(`${key} ${status}: no error codes`);
        for (const code of codes)
          if (!errorCodes.has(code)) problems.push(`${key} ${status}: ${code} is not an ErrorCode`);
      }
      if (!Array.isArray(op.security)) problems.push(`${key}: auth requirement not stated`);
      if (op.security?.length > 0 && !(op['x-roles']?.length > 0)) problems.push(`${key}: bearer auth without a role`);
      if (op.security?.length > 0 && !op.responses['401']) problems.push(`${key}: bearer auth without a 401`);
    }
    expect(problems).toEqual([]);
    expect(operations(served).length).toBeGreaterThanOrEqual(55);
  });

  it('states nullable fields as OpenAPI 3.1 type unions, never 3.0 `nullable`', () => {
    const schemas = served.components.schemas as Json;
    expect(schemas.Address.properties.postalCode).toEqual({ type: ['string', 'null'] });
    expect(schemas.ProductSummary.properties.subtitle).toEqual({ type: ['string', 'null'] });
    expect(schemas.Sku.properties.originalPrice).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Fen' }, { type: 'null' }],
    });
    expect(schemas.Category.properties.parentId).toEqual({ type: ['number', 'null'] });
    expect(JSON.stringify(served)).not.toContain('"nullable"');
  });

  it('documents the operator role on admin routes and the shopper role on shopper routes', () => {
    const roles = Object.fromEntries(operations(served).map(({ key, op }) => [key, op['x-roles'] ?? []]));
    expect(roles['POST /api/v1/admin/orders/{id}/refund']).toEqual(['admin']);
    expect(roles['POST /api/v1/orders']).toEqual(['shopper']);
    expect(roles['GET /api/v1/catalog/products']).toEqual([]);
  });
});

describe('OpenAPI conformance check (the recorder every e2e suite feeds)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const answer = (over: Partial<Parameters<ConformanceRecorder['record']>[0]>) => ({
    route: 'GET /api/v1/catalog/products/:id',
    method: 'GET',
    url: '/api/v1/catalog/products/1',
    status: 404,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ statusCode: 404, code: 'PRODUCT_NOT_FOUND', message: 'product not found', requestId: 'r' }),
    ...over,
  });

  it('passes an answer that matches the document', () => {
    const recorder = new ConformanceRecorder();
    recorder.record(answer({}));
    expect(recorder.check(t.app)).toEqual([]);
  });

  it('fails an undocumented status, an undocumented code, a wrong shape and an unknown route', () => {
    const recorder = new ConformanceRecorder();
    recorder.record(answer({ status: 409, body: JSON.stringify({ statusCode: 409, code: 'CONFLICT', message: 'x' }) }));
    recorder.record(answer({ body: JSON.stringify({ statusCode: 404, code: 'ORDER_NOT_FOUND', message: 'x' }) }));
    recorder.record(
      answer({
        route: 'GET /api/v1/addresses/:id',
        url: '/api/v1/addresses/1',
        status: 200,
        body: JSON.stringify({ id: 1, receiverName: 'x', postalCode: 12 }),
      }),
    );
    recorder.record(answer({ route: 'GET /api/v1/not-documented', status: 200, body: '{}' }));
    const violations = recorder.check(t.app);
    expect(violations).toHaveLength(4);
    expect(violations[0]).toContain('answered 409, which the document does not list');
    expect(violations[1]).toContain('must be equal to one of the allowed values');
    expect(violations[2]).toContain('does not match the document');
    expect(violations[3]).toContain('is not in the OpenAPI document');
  });
});
