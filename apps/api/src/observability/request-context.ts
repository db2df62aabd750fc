import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The ids every log line written on behalf of one request or one background run carries. */
export interface LogContext {
  /** the HTTP request being served: its X-Request-Id, echoed in the answer */
  requestId?: string;
  /** what ties lines together beyond one request: a job's run (`order-sweeper:1f2e3d4c`) or WeChat's notification id */
  correlationId?: string;
}

/*
 * Node's AsyncLocalStorage follows every await, timer and callback started from inside `run`, so
 * the ids reach a service's log line without being passed down. Fastify keeps the context across
 * body parsing (its content-type parser is an AsyncResource).
 */
const storage = new AsyncLocalStorage<LogContext>();

/** The ids of the request or job the caller runs for; undefined at start-up and in the CLI. */
export function logContext(): LogContext | undefined {
  return storage.getStore();
}

/** Serves one HTTP request (the rest of Fastify's hook chain runs inside `next`). */
export function runForRequest<T>(requestId: string, next: () => T): T {
  return storage.run({ requestId }, next);
}

/**
 * Runs one pass of a background job (sweeper, outbox, scheduled flush) under a correlation id of
 * its own, `<job>:<8 hex>`. A pass started by a request keeps that request's id as well; a pass
 * started by another job's run belongs to that run and keeps its id.
 */
export function runAsJob<T>(job: string, pass: () => T): T {
  const parent = storage.getStore();
  if (parent?.correlationId) return pass();
  return storage.run({ ...parent, correlationId: `${job}:${randomUUID().slice(0, 8)}` }, pass);
}

/**
 * `setInterval` for background jobs: every run is a `runAsJob` pass, and the timer never keeps the
 * process alive (shutdown clears it). The one way modules start a repeating timer
 * (architecture.spec.ts checks).
 */
export function everyInterval(job: string, ms: number, pass: () => unknown): NodeJS.Timeout {
  const timer = setInterval(() => runAsJob(job, pass), ms);
  timer.unref();
  return timer;
}

/**
 * Names what the current request is about once it is known, e.g. the WeChat Pay notification id
 * after the signature verified: WeChat's retries of one notification share it.
 */
export function correlateWith(correlationId: string): void {
  const store = storage.getStore();
  if (store) store.correlationId = correlationId;
}
