import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@sutwxapp/contracts';
import { Errors } from './errors/app-error';

/*
 * One message per field: the first rule that fails in the order a person fixes things in.
 * class-validator runs a property's decorators bottom-up (the last one written runs first), so
 * with stopAtFirstError a missing or mistyped `skuId` was reported by its @Max: "must not be
 * greater than 2147483647". Every rule runs instead, and the message kept is the one of the
 * lowest rank below; within a rank, the decorator written first wins.
 */
const PRESENCE = new Set(['whitelistValidation', 'isDefined', 'isNotEmpty', 'arrayNotEmpty']);
const TYPE = new Set([
  'isInt',
  'isNumber',
  'isNumberString',
  'isString',
  'isBoolean',
  'isArray',
  'isObject',
  'isDate',
  'isDateString',
  'isISO8601',
  'isEnum',
  'nestedValidation',
]);
const RANGE = new Set([
  'min',
  'max',
  'isPositive',
  'isNegative',
  'isLength',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'minDate',
  'maxDate',
]);

function rank(constraint: string): number {
  if (PRESENCE.has(constraint)) return 0;
  if (TYPE.has(constraint)) return 1;
  if (RANGE.has(constraint)) return 2;
  return 3; // formats and value sets: matches, isIn, isUrl, custom rules
}

/** The one message for a field that failed `constraints` (keys in the order the rules ran). */
export function firstFailure(property: string, value: unknown, constraints: Record<string, string>): string {
  const names = Object.keys(constraints);
  if (names.length === 0) return `${property} is invalid`;
  if (value === undefined && !names.includes('whitelistValidation')) return `${property} is required`;
  if (value === null) return `${property} cannot be null`;
  let best = names[names.length - 1];
  for (let i = names.length - 2; i >= 0; i--) {
    if (rank(names[i]) < rank(best)) best = names[i];
  }
  return constraints[best];
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      // the field itself is wrong (e.g. not a list): what is inside it is beside the point
      out.push({ field, message: firstFailure(error.property, error.value, error.constraints) });
    } else if (error.children?.length) {
      out.push(...flatten(error.children, field));
    }
  }
  return out;
}

/** Far deeper than any body this API takes (product → skus → sku → specs is 4). */
const MAX_BODY_DEPTH = 32;

function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Query DTO classes whose validated value may be shared by every request with the same query. */
const validatedOnce = new WeakSet<object>();
/** Distinct valid queries remembered per DTO class (oldest dropped first). */
const MEMO_MAX = 1_000;

/**
 * Marks a query DTO as validated once per distinct query: shoppers repeat a handful of queries
 * (page 1 of each category, each sort) and validating is most of the work of a cached read
 * (bench/NOTES.md). The DTO is frozen because it is shared; invalid queries are not kept and
 * throw the same 400 every time.
 */
export function ValidatedOnce(): ClassDecorator {
  return (target) => {
    validatedOnce.add(target);
  };
}

/**
 * A JSON body must be an object (Nest would validate `null` as `{}`), and is checked for depth
 * first: class-transformer copies unknown nested values recursively, so a 300 KB body nested
 * 50 000 levels deep overflowed the stack (a 500) before the whitelist could refuse it.
 */
class BodyShapeValidationPipe extends ValidationPipe {
  private readonly memo = new Map<object, Map<string, unknown>>();

  /*
   * Answers synchronously where nothing is validated (custom param decorators such as @IdParam,
   * a query seen before): Nest awaits whatever a pipe returns, and every promise made here is
   * paid on every request, more so since AsyncLocalStorage (request-context.ts) puts a hook on
   * each one (bench/NOTES.md, issue 17).
   */
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom' && !this.validateCustomDecorators) {
      // what ValidationPipe answers for them (toValidate is false, transformPrimitive keeps custom values)
      return value as Promise<unknown>;
    }
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      if (value === null || (value !== undefined && (typeof value !== 'object' || Array.isArray(value)))) {
        throw Errors.VALIDATION_FAILED('The request body must be a JSON object');
      }
      if (deeperThan(value, MAX_BODY_DEPTH)) throw Errors.VALIDATION_FAILED('The request body is nested too deeply');
    }
    if (metadata.type === 'query' && metadata.metatype && validatedOnce.has(metadata.metatype)) {
      return this.validateOnce(value, metadata);
    }
    return super.transform(value, metadata);
  }

  private validateOnce(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    let memo = this.memo.get(metadata.metatype!);
    if (!memo) this.memo.set(metadata.metatype!, (memo = new Map()));
    const key = JSON.stringify(value);
    const known = memo.get(key);
    // a query seen before: the shared frozen DTO, without a promise (Nest awaits it as a value)
    if (known !== undefined) return known as Promise<unknown>;
    return this.validateAndRemember(memo, key, value, metadata);
  }

  private async validateAndRemember(
    memo: Map<string, unknown>,
    key: string,
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    const dto = Object.freeze(await super.transform(value, metadata));
    if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
    memo.set(key, dto);
    return dto;
  }
}

/**
 * Unknown fields are refused (not silently dropped) so a client typo is visible, and
 * primitives are converted from query strings before validation.
 */
export function createValidationPipe(): ValidationPipe {
  return new BodyShapeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // every rule runs so that firstFailure can pick the natural first one (see above)
    stopAtFirstError: false,
    // the value is read to tell "missing" from "wrong"; it never goes into the answer
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields
        .slice(0, 5)
        .map((f) => f.message)
        .join('; ');
      return Errors.VALIDATION_FAILED(summary || 'Invalid request', { errors: fields });
    },
  });
}
