import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { badRequest } from './errors/app-error';

/** Ids are INT columns on both engines: anything above 2^31-1 can never exist. */
const MAX_ID = 2_147_483_647;

/**
 * A route id must be a positive integer written plainly ("12", not "012", "1e3" or "-1"):
 * a 400 with a field message rather than a query that can only miss.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    const n = /^[1-9]\d{0,9}$/.test(value ?? '') ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n > MAX_ID) {
      const message = `${this.field} must be a positive integer id`;
      throw badRequest(message, [{ field: this.field, message }]);
    }
    return n;
  }
}

/** `@IdParam() id: number` (or `@IdParam('skuId')`): a validated positive integer route id. */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, new ParseIdPipe(name));
