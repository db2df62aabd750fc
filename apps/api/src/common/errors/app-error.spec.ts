import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException } from '@nestjs/common';
import { ERROR_TABLE, ErrorCode } from '@sutwxapp/contracts';
import { AppError, Errors } from './app-error';
import { toErrorResponse } from './error-response';

const codes = Object.keys(ERROR_TABLE) as ErrorCode[];
const allows = (code: ErrorCode, status: number): boolean => {
  const row: { status: number; also?: Record<number, string> } = ERROR_TABLE[code];
  return row.status === status || (row.also !== undefined && status in row.also);
};

describe('ERROR_TABLE and Errors.<CODE>', () => {
  it('has a row and a factory for every code', () => {
    expect(codes.sort()).toEqual(Object.values(ErrorCode).sort());
    expect(Object.keys(Errors).sort()).toEqual(codes);
  });

  it.each(codes)('%s is answered with its row’s status and default message', (code) => {
    const { body } = toErrorResponse(Errors[code](), 'req-1');
    expect(body).toEqual({
      statusCode: ERROR_TABLE[code].status,
      code,
      message: ERROR_TABLE[code].message,
      requestId: 'req-1',
    });
  });

  it('carries what a site adds: its message, the field errors and the details', () => {
    const err = Errors.OUT_OF_STOCK('Only 2 of "茶" left', {
      errors: [{ field: 'items.0.quantity', message: 'too many' }],
      details: { skuId: 7, available: 2 },
    });
    expect(err).toBeInstanceOf(AppError);
    expect(toErrorResponse(err, 'r').body).toEqual({
      statusCode: 409,
      code: 'OUT_OF_STOCK',
      message: 'Only 2 of "茶" left',
      requestId: 'r',
      errors: [{ field: 'items.0.quantity', message: 'too many' }],
      skuId: 7,
      available: 2,
    });
  });

  it('answers another status only where the row lists it, and refuses any other as a bug', () => {
    expect(Errors.CATEGORY_NOT_FOUND('no category 9', { status: 400 }).getStatus()).toBe(400);
    expect(Errors.WECHAT_PUSH_REJECTED('replay', { status: 409 }).getStatus()).toBe(409);
    // the types refuse it too; this is the run-time guard behind them
    const widen = Errors.ORDER_NOT_FOUND as (m?: string, s?: { status?: number }) => AppError;
    expect(() => widen('x', { status: 400 })).toThrow(/ORDER_NOT_FOUND is answered with 404, not 400/);
  });

  it('agrees with every status → code pair the OpenAPI document declares', () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '../../../../../docs/openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const disagreements: string[] = [];
    let pairs = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const enumerated = JSON.stringify(response).match(/"enum":\[[^\]]*\]/g) ?? [];
          for (const code of enumerated.flatMap((e) => e.match(/[A-Z][A-Z_]+/g) ?? [])) {
            if (!(code in ERROR_TABLE)) continue;
            pairs++;
            if (!allows(code as ErrorCode, Number(status))) disagreements.push(`${method} ${path} ${status} ${code}`);
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
    expect(disagreements).toEqual([]);
  });

  it('agrees with the codes given to other frameworks’ errors by their status', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 429, 503]) {
      const { body } = toErrorResponse(new HttpException('x', status), 'r');
      expect([status, ERROR_TABLE[body.code as ErrorCode].status]).toEqual([status, status]);
    }
  });
});
