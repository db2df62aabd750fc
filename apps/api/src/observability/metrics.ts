import { Counter, Gauge, Histogram, register } from 'prom-client';

/*
 * Every metric of ours lives here, created once per process. Tests boot several apps in one
 * process; prom-client's registry is global, so creation is idempotent.
 */
function counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}
function gauge(name: string, help: string, labelNames: string[] = []): Gauge<string> {
  return (register.getSingleMetric(name) as Gauge<string>) ?? new Gauge({ name, help, labelNames });
}
function histogram(name: string, help: string, labelNames: string[], buckets: number[]): Histogram<string> {
  return (register.getSingleMetric(name) as Histogram<string>) ?? new Histogram({ name, help, labelNames, buckets });
}

export const metrics = {
  // `class` tells what users see (`api`) from probes, scrapes, docs and unrouted noise: the
  // availability alert counts only `api`, so a readiness 503 during an outage pages nobody.
  httpRequests: counter('http_requests_total', 'HTTP requests answered, by route template, class and status', [
    'method',
    'route',
    'class',
    'status_code',
  ]),
  httpDuration: histogram(
    'http_request_duration_seconds',
    'HTTP request duration by route template and class',
    ['method', 'route', 'class', 'status_code'],
    [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
  ),
  httpInFlight: gauge('http_requests_in_flight', 'HTTP requests being served right now'),
  dbQueryDuration: histogram(
    'db_query_duration_seconds',
    'Database query duration by statement kind',
    ['operation'],
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  ),
  dbSlowQueries: counter('db_slow_queries_total', 'Database queries slower than SLOW_QUERY_MS', ['operation']),
  cacheHits: counter('cache_hits_total', 'Cache reads answered from the cache', ['cache']),
  cacheMisses: counter('cache_misses_total', 'Cache reads that had to load from the source', ['cache']),
  cacheErrors: counter('cache_errors_total', 'Cache operations that failed (store unavailable)', ['operation']),
  ordersCreated: counter('shop_orders_created_total', 'Orders created'),
  ordersPaid: counter('shop_orders_paid_total', 'Orders that became PAID'),
  ordersCancelled: counter('shop_orders_cancelled_total', 'Orders cancelled, by reason', ['reason']),
  paymentNotifications: counter('shop_payment_notifications_total', 'WeChat Pay notifications by result', [
    'kind',
    'result',
  ]),
  refunds: counter('shop_refunds_total', 'Refunds by outcome', ['result']),
  eventsAccepted: counter('shop_events_accepted_total', 'Behaviour events accepted into the write queue'),
  eventsDropped: counter('shop_events_dropped_total', 'Behaviour events dropped (queue full or store failure)', [
    'reason',
  ]),
  dependencyUp: gauge(
    'app_dependency_up',
    'Whether a dependency answered the last readiness check (1) or not (0), by dependency',
    ['dependency'],
  ),
  logisticsQueries: counter('shop_logistics_queries_total', 'Express tracking lookups by result', ['result']),
};

export type RouteClass = 'api' | 'probe' | 'metrics' | 'docs' | 'unmatched';

/** The class label of a route template (see httpRequests). */
export function routeClass(route: string | undefined): RouteClass {
  if (route === undefined) return 'unmatched';
  if (route === '/metrics') return 'metrics';
  if (route.startsWith('/api/v1/health')) return 'probe';
  if (route.startsWith('/api/docs')) return 'docs';
  return 'api';
}

/*
 * app_dependency_up is set by every readiness check (kubelet probes every 10 s). Where nothing
 * probes readiness (Compose), a scrape refreshes it when the last check is older than this.
 */
const DEPENDENCY_STALE_MS = 10_000;
let dependencyProbe: (() => Promise<void>) | null = null;
let lastProbe = 0;
let running: Promise<void> | null = null;

/** Set by the health module: runs the dependency checks and updates app_dependency_up. */
export function setDependencyProbe(probe: () => Promise<void>): void {
  dependencyProbe = probe;
}
/** Cleared by the app that set it (tests run several apps in one process). */
export function clearDependencyProbe(probe: () => Promise<void>): void {
  if (dependencyProbe === probe) dependencyProbe = null;
}
export function markDependenciesChecked(): void {
  lastProbe = Date.now();
}
export async function refreshDependencyGauges(): Promise<void> {
  if (!dependencyProbe || Date.now() - lastProbe < DEPENDENCY_STALE_MS) return;
  running ??= dependencyProbe()
    .catch(() => undefined)
    .finally(() => {
      lastProbe = Date.now();
      running = null;
    });
  await running;
}
