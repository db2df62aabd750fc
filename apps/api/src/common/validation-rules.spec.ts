import 'reflect-metadata';
import { ArrayMaxSize, ArrayMinSize, getMetadataStorage, IsArray, IsInt, Max, Min } from 'class-validator';
import { NestedList, NestedListOf } from './nested';
import { IntRange } from './validation-rules';

class Line {}

// What the shared rules replace, written out by hand.
class ByHand {
  @IsInt({ message: 'a' })
  @Min(1)
  @Max(9, { message: 'c' })
  one!: number;

  @IsInt({ each: true, message: 'ids' })
  @Min(1, { each: true, message: 'ids' })
  @Max(9, { each: true, message: 'ids' })
  list!: number[];

  @IsArray()
  @ArrayMinSize(1, { message: 'few' })
  @ArrayMaxSize(5)
  @NestedList(() => Line)
  lines!: Line[];
}

class Shared {
  @IntRange(1, 9, { int: 'a', max: 'c' })
  one!: number;

  @IntRange(1, 9, 'ids', true)
  list!: number[];

  @NestedListOf(() => Line, 5, { tooFew: 'few' })
  lines!: Line[];
}

/** The rules of a class as class-validator runs them: the order decides which message is kept. */
function rules(target: new () => object): unknown[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .map(({ propertyName, name, type, constraints, message, each, groups, always }) => ({
      propertyName,
      name,
      type,
      constraints,
      message,
      each,
      groups,
      always,
    }));
}

describe('shared validation rules', () => {
  it('register exactly the rules, options and order of the decorators they stand for', () => {
    expect(rules(Shared)).toEqual(rules(ByHand));
    expect(rules(Shared)).toHaveLength(3 + 3 + 5);
  });
});
