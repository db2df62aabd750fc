import { Counter, register } from 'prom-client';

// Created once per process (tests boot several apps in one process; the registry is global).
function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (register.getSingleMetric(name) as Counter<string>) ?? new Counter({ name, help, labelNames });
}

export const platformMetrics = {
  tokenRefreshes: counter(
    'wechat_access_token_refreshes_total',
    'stable_token calls by reason (expired, ahead, rejected) and result (ok, error)',
    ['reason', 'result'],
  ),
  openApiCalls: counter('wechat_open_api_calls_total', 'WeChat open-API calls by api and result', ['api', 'result']),
  pushes: counter('wechat_push_total', 'Message pushes received, by event and result', ['event', 'result']),
};
