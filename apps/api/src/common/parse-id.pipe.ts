import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type PipeTransform,
} from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Errors } from './errors/app-error';

/** Ids are INT columns on both engines: anything above 2^31-1 can never exist. */
const MAX_ID = 2_147_483_647;

/**
 * A route id must be a positive integer written plainly ("12", not "012", "1e3" or "-1"):
 * a 400 with a field message rather than a query that can only miss.
 */
export function parseId(value: unknown, field = 'id'): number {
  const n = typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_ID) {
    const message = `${field} must be a positive integer id`;
    throw Errors.VALIDATION_FAILED(message, { errors: [{ field, message }] });
  }
  return n;
}

@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    return parseId(value, this.field);
  }
}

/*
 * A custom parameter decorator rather than `Param(name, pipe)`: the global ValidationPipe
 * (transform: true) would first turn "1e3" into 1000 and "007" into 7 for a `number` param,
 * and the pipe would never see the text the client sent.
 */
const RawIdParam = createParamDecorator((field: string, context: ExecutionContext): number => {
  const params = context.switchToHttp().getRequest<FastifyRequest>().params as Record<string, string | undefined>;
  return parseId(params[field], field);
});

/** `@IdParam() id: number` (or `@IdParam('skuId')`): a validated positive integer route id. */
export const IdParam = (name = 'id'): ParameterDecorator => RawIdParam(name);

/** A body or query field holding a row id: the route id's rule and message (query fields also need `@Type(() => Number)`). */
export const IsRowId = (field: string): PropertyDecorator => {
  const message = `${field} must be a positive integer id`;
  return applyDecorators(IsInt({ message }), Min(1, { message }), Max(MAX_ID, { message }));
};
