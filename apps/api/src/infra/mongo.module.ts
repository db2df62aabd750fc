import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * MongoDB is optional and must never stop the API: connect lazily, and swallow the initial
 * connection failure (mongoose would otherwise kill the process with an unhandled rejection).
 * Health then reports mongodb down.
 */
@Module({})
export class MongoModule {
  static forRoot(uri: string): DynamicModule {
    const logger = new Logger('MongoDB');
    return {
      module: MongoModule,
      global: true,
      imports: [
        MongooseModule.forRoot(uri, {
          lazyConnection: true,
          serverSelectionTimeoutMS: 3000,
          connectionFactory: (conn: Connection & { $initialConnection?: Promise<unknown> }) => {
            conn.on('error', (err: Error) => logger.warn(`MongoDB error: ${err.message}`));
            conn.$initialConnection?.catch((err: Error) => logger.warn(`MongoDB unavailable: ${err.message}`));
            return conn;
          },
        }),
      ],
      exports: [MongooseModule],
    };
  }
}
