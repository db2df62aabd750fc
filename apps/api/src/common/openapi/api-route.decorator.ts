import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { ErrorCode } from '@sutwxapp/contracts';
import type { ContractName, ContractTypes } from '../../../../../libs/contracts/schemas/contract-schemas';

/** A contract type by name, or an array of it: `'Order'`, `'Address[]'`. */
export type ContractRef = ContractName | `${ContractName}[]`;

type TypeOf<R> = R extends `${infer N extends ContractName}[]`
  ? ContractTypes[N][]
  : R extends ContractName
    ? ContractTypes[R]
    : R extends null
      ? void
      : never;

/** What a handler may return for the documented responses: the contract type itself. */
type Returns<T> = T | Promise<T>;

export interface ApiRouteSpec<S extends Partial<Record<number, ContractRef | null>>> {
  /** One line in plain words: what the caller gets done. */
  summary: string;
  description?: string;
  /** The request body's contract type (JSON). Query and path parameters come from the DTO and @IdParam. */
  body?: ContractName;
  /** Every success status → the contract type of its body (`null`: no body, e.g. 204). */
  ok: S;
  /**
   * The error codes this route can answer, by status, beyond the ones added for everyone:
   * 400 VALIDATION_FAILED (and MALFORMED_JSON / 413 / 415 with a body) for routes with input,
   * 401/403 for routes behind ShopperOnly()/AdminOnly().
   */
  errors?: Partial<Record<number, ErrorCode[]>>;
}

export const ERROR_CODES_EXTENSION = 'x-error-codes';
export const ROLES_EXTENSION = 'x-roles';

const schemaOf = (ref: ContractRef): { $ref: string } | { type: 'array'; items: { $ref: string } } =>
  ref.endsWith('[]')
    ? { type: 'array', items: { $ref: `#/components/schemas/${ref.slice(0, -2)}` } }
    : { $ref: `#/components/schemas/${ref}` };

/**
 * Documents one route from libs/contracts: summary, request body, success bodies and error
 * codes. The handler's return type must match the documented success types (a compile
 * error otherwise), and the e2e conformance check validates every real answer against them.
 * docs/openapi.md: how to document a new route.
 */
export function ApiRoute<const S extends Partial<Record<number, ContractRef | null>>>(
  spec: ApiRouteSpec<S>,
): <F extends (...args: never[]) => Returns<TypeOf<S[keyof S]>>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<F>,
) => void {
  const decorators = [
    ApiOperation({ summary: spec.summary, ...(spec.description ? { description: spec.description } : {}) }),
    ...Object.entries(spec.ok as Record<string, ContractRef | null>).map(([status, ref]) =>
      ApiResponse({
        status: Number(status),
        description: ref ? ref : 'No content',
        ...(ref ? { schema: schemaOf(ref) } : {}),
      }),
    ),
    ApiExtension(ERROR_CODES_EXTENSION, spec.errors ?? {}),
  ];
  if (spec.body) decorators.push(ApiBody({ schema: schemaOf(spec.body), required: true }));
  return applyDecorators(...decorators);
}

/**
 * A route whose success is a file rather than JSON (the console's CSV export): documented as a
 * string body of that media type, with its error codes like any other route.
 */
export function ApiFileRoute(spec: {
  summary: string;
  description?: string;
  mediaType: string;
  errors?: Partial<Record<number, ErrorCode[]>>;
}): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: spec.summary, ...(spec.description ? { description: spec.description } : {}) }),
    ApiResponse({
      status: 200,
      description: `a ${spec.mediaType} file`,
      content: { [spec.mediaType]: { schema: { type: 'string' } } },
    }),
    ApiExtension(ERROR_CODES_EXTENSION, spec.errors ?? {}),
  );
}
