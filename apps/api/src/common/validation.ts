import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@sutwxapp/contracts';
import { badRequest } from './errors/app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field, message });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
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

/**
 * A JSON body must be an object (Nest would validate `null` as `{}`), and is checked for depth
 * first: class-transformer copies unknown nested values recursively, so a 300 KB body nested
 * 50 000 levels deep overflowed the stack (a 500) before the whitelist could refuse it.
 */
class BodyShapeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      if (value === null || (value !== undefined && (typeof value !== 'object' || Array.isArray(value)))) {
        throw badRequest('The request body must be a JSON object');
      }
      if (deeperThan(value, MAX_BODY_DEPTH)) throw badRequest('The request body is nested too deeply');
    }
    return super.transform(value, metadata);
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
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields
        .slice(0, 5)
        .map((f) => f.message)
        .join('; ');
      return badRequest(summary || 'Invalid request', fields);
    },
  });
}
