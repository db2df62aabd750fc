import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, type ValidationOptions } from 'class-validator';

/** One message for every rule, or one per rule (a rule left out answers class-validator's own). */
export type IntRangeMessages = string | { int?: string; min?: string; max?: string };

/** Options exactly as a hand-written rule passes them: none at all when there is nothing to say. */
export const ruleOptions = (message?: string, each?: true): ValidationOptions | undefined =>
  message === undefined && !each
    ? undefined
    : { ...(each ? { each } : {}), ...(message === undefined ? {} : { message }) };

/**
 * A whole number from `min` to `max`: `@IsInt() @Min(min) @Max(max)` in one (with `each`, every
 * element of a list). The rules keep that written order, which decides the message reported when
 * several fail (common/validation.ts).
 */
export function IntRange(min: number, max: number, messages: IntRangeMessages = {}, each?: true): PropertyDecorator {
  const m = typeof messages === 'string' ? { int: messages, min: messages, max: messages } : messages;
  // bottom first, as stacked decorators are applied
  return applyDecorators(
    Max(max, ruleOptions(m.max, each)),
    Min(min, ruleOptions(m.min, each)),
    IsInt(ruleOptions(m.int, each)),
  );
}
