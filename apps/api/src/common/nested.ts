import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { ruleOptions } from './validation-rules';

/**
 * A list of nested DTOs. class-validator's ValidateNested lets non-objects such as `[[]]` or
 * `[1]` through untouched, which then reach services as garbage (a 500): every element must
 * be an object first.
 */
export const NestedList = (type: () => new () => object): PropertyDecorator =>
  applyDecorators(
    IsObject({ each: true, message: '$property must be a list of objects' }),
    ValidateNested({ each: true }),
    Type(type),
  );

/**
 * A body list of 1 to `max` nested DTOs: `@IsArray() @ArrayMinSize(1) @ArrayMaxSize(max)
 * @NestedList(type)` in that written order, with the messages each list words for itself.
 */
export const NestedListOf = (
  type: () => new () => object,
  max: number,
  messages: { notList?: string; tooFew?: string; tooMany?: string } = {},
): PropertyDecorator =>
  // bottom first, as stacked decorators are applied
  applyDecorators(
    NestedList(type),
    ArrayMaxSize(max, ruleOptions(messages.tooMany)),
    ArrayMinSize(1, ruleOptions(messages.tooFew)),
    IsArray(ruleOptions(messages.notList)),
  );
