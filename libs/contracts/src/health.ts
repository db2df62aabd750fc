/** One dependency's state as Terminus reports it, e.g. `{ "status": "up" }` (plus its own details). */
export interface HealthIndicatorState {
  status: 'up' | 'down' | 'degraded';
  [detail: string]: unknown;
}

/** GET /health (readiness). A 503 carries the same fields next to the error shape's. */
export interface HealthReport {
  status: 'ok' | 'error' | 'shutting_down' | 'degraded';
  info?: Record<string, HealthIndicatorState>;
  error?: Record<string, HealthIndicatorState>;
  details?: Record<string, HealthIndicatorState>;
}

/** The 503 answer of GET /health: the error shape (code HEALTH_CHECK_FAILED) with the report. */
export interface HealthFailure extends HealthReport {
  statusCode: number;
  code: 'HEALTH_CHECK_FAILED';
  message: string;
}

/** GET /health/live: the process answers; dependencies are never checked here. */
export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}
