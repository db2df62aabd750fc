import 'reflect-metadata';
import { IsInt, IsOptional, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe, ValidatedOnce } from './validation';

@ValidatedOnce()
class OnceQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;
}

class EveryTimeQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  page: number = 1;
}

describe('createValidationPipe: @ValidatedOnce() query DTOs', () => {
  const query = (metatype: new () => object) => ({ type: 'query' as const, metatype });

  it('validates a distinct query once and shares the frozen result', async () => {
    const pipe = createValidationPipe();
    const first = await pipe.transform({ page: '2' }, query(OnceQuery));
    const again = await pipe.transform({ page: '2' }, query(OnceQuery));
    expect(first).toBeInstanceOf(OnceQuery);
    expect(first).toEqual({ page: 2 });
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await pipe.transform({ page: '3' }, query(OnceQuery))).toEqual({ page: 3 });
  });

  it('refuses an invalid query every time (nothing remembered)', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ page: '0' }, query(OnceQuery))).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ page: '0' }, query(OnceQuery))).rejects.toMatchObject({ status: 400 });
  });

  it('leaves other DTOs alone: a new instance per request', async () => {
    const pipe = createValidationPipe();
    const first = await pipe.transform({ page: '2' }, query(EveryTimeQuery));
    const again = await pipe.transform({ page: '2' }, query(EveryTimeQuery));
    expect(again).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
