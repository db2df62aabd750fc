import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

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
