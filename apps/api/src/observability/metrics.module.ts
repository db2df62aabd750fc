import { Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { register } from 'prom-client';

/** `/metrics` (outside the /api/v1 prefix) with Node's default process metrics plus ours. */
@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      // Tests boot several apps per process and prom-client's registry is global: collect once.
      defaultMetrics: { enabled: register.getSingleMetric('process_cpu_user_seconds_total') === undefined },
    }),
  ],
})
export class MetricsModule {}
