import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery, type ApiQueryOptions } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe } from '../../common/validation';
import { ProductListQueryDto } from './dto/product-query.dto';

/** Distinct valid query strings remembered (oldest dropped first). */
const MEMO_MAX = 1_000;
const listQueryPipe = createValidationPipe();
const listQueries = new Map<string, ProductListQueryDto>();

/**
 * The list's query, validated by the same ValidationPipe and DTO as any other, but once per
 * distinct query string: shoppers repeat a handful of them (page 1 of each category, each
 * sort), and validating is most of the work of a cached read. Invalid queries are not kept;
 * they throw the same 400 every time. The DTO is frozen because it is shared.
 */
export const ListQuery = createParamDecorator(
  async (_: unknown, context: ExecutionContext): Promise<ProductListQueryDto> => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const at = request.url.indexOf('?');
    const key = at < 0 ? '' : request.url.slice(at + 1);
    const known = listQueries.get(key);
    if (known) return known;
    const dto = Object.freeze(
      (await listQueryPipe.transform(request.query, {
        type: 'query',
        metatype: ProductListQueryDto,
      })) as ProductListQueryDto,
    );
    if (listQueries.size >= MEMO_MAX) listQueries.delete(listQueries.keys().next().value as string);
    listQueries.set(key, dto);
    return dto;
  },
);

/**
 * OpenAPI query parameters from a DTO's @ApiProperty metadata, as `@Query() dto: Dto` would
 * document them (ListQuery is a custom decorator, which OpenAPI does not look into).
 */
export function ApiQueryFromDto(dto: new () => object): MethodDecorator {
  const keys = (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) ?? []) as string[];
  return applyDecorators(
    ...keys.map((k) => {
      const name = k.slice(1);
      const options = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, name) as Record<string, unknown>;
      // with an enum, ApiQuery builds the schema itself and would drop the default
      const schema = options.enum && options.schema === undefined ? { default: options.default } : options.schema;
      return ApiQuery({ ...options, name, ...(schema ? { schema } : {}) } as ApiQueryOptions);
    }),
  );
}
