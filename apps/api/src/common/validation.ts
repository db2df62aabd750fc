import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/**
 * Unknown fields are refused (not silently dropped) so a client typo is visible, and
 * primitives are converted from query strings before validation.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
