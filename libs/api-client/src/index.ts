/**
 * The typed client of the SutWxApp API, generated from docs/openapi.json by
 * `npm run openapi` (@hey-api/openapi-ts, fetch client). One function per operation, named
 * after its controller and method (`orderCreate`, `adminOrderGet`); bodies and answers are the
 * libs/contracts types as the document states them.
 *
 *   const api = createApiClient({ baseUrl: 'https://shop.example.com', token: () => session.token });
 *   const { data, error } = await orderGet({ client: api, path: { id: 12 } });
 */
import { type Client, createClient, createConfig } from './generated/client';

export * from './generated';
export type { Client } from './generated/client';

export interface ApiClientOptions {
  /** scheme and host, without /api/v1 (the document's paths carry the prefix) */
  baseUrl: string;
  /** the bearer token for operations that need one; read on every call */
  token?: () => string | undefined;
  /** a fetch implementation (default: the global one) */
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions): Client {
  return createClient(
    createConfig({
      baseUrl: options.baseUrl,
      auth: () => options.token?.(),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  );
}
