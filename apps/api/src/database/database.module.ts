import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { boundPoolAcquire, destroyTimedOutConnections } from './pool-acquire';
import { instrumentQueries } from './query-metrics';
import { SilentTypeOrmLogger } from './silent-typeorm-logger';
import { TransactionService } from './transaction.service';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (config.database.type === 'sqlite' && config.database.path !== ':memory:') {
          mkdirSync(dirname(config.database.path), { recursive: true });
        }
        return {
          ...dataSourceOptions(config.database, config.dbPoolSize),
          autoLoadEntities: true,
          migrationsRun: config.migrateOnStart,
          retryAttempts: config.nodeEnv === 'test' ? 1 : 5,
          retryDelay: 2000,
          logger: new SilentTypeOrmLogger(),
          // A frozen or unreachable MySQL must not hang requests: each query gives up after
          // DB_QUERY_TIMEOUT_MS and the request answers 503 (not used by the migration CLI).
          ...(config.database.type === 'mysql'
            ? { enableQueryTimeout: true, maxQueryExecutionTime: config.dbQueryTimeoutMs }
            : {}),
        };
      },
    }),
  ],
  providers: [
    TransactionService,
    {
      provide: 'QUERY_METRICS',
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) => {
        instrumentQueries(dataSource, config.slowQueryMs);
        boundPoolAcquire(dataSource, config.dbPoolAcquireTimeoutMs);
        destroyTimedOutConnections(dataSource);
        return true;
      },
    },
  ],
  exports: [TransactionService],
})
export class DatabaseModule {}
