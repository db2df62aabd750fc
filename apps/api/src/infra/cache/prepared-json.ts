/**
 * Cached answers are parsed once per process into the typed value services and controllers
 * return, and the JSON they were parsed from is kept beside them as bytes: the reply serializer
 * sends those bytes as they are (no JSON.stringify, no UTF-8 encoding per request). Only this
 * file and CacheService know; a controller just returns the value.
 */
const bodies = new WeakMap<object, Buffer>();

/**
 * The value of `json`, frozen through and through (every request shares it, and its bytes must
 * keep saying what it holds), with its bytes remembered for `serializeReply`.
 */
export function preparedValue<T>(json: string): T {
  const value = deepFreeze(JSON.parse(json) as unknown);
  if (typeof value === 'object' && value !== null) bodies.set(value, Buffer.from(json, 'utf8'));
  return value as T;
}

/**
 * Fastify's reply serializer for every JSON answer: a prepared value's stored bytes, anything else
 * as Fastify's default (no route declares a response schema) would, `JSON.stringify`.
 */
export function serializeReply(payload: unknown): string {
  const bytes = typeof payload === 'object' && payload !== null ? bodies.get(payload) : undefined;
  // Fastify sends a Buffer from the serializer as is (its type says string only)
  return bytes !== undefined ? (bytes as unknown as string) : JSON.stringify(payload);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
