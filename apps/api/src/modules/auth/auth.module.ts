import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../infra/redis.module';
import { AdminAccountService } from './admin-account.service';
import { AuthController, MeController } from './auth.controller';
import { AuthService } from './auth.service';
import { AdminUserEntity } from './entities/admin-user.entity';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { RedisThrottlerStorage } from './guards/redis-throttler.storage';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, AdminUserEntity]),
    JwtModule.registerAsync({
      global: true,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: given a string, jsonwebtoken first tries (and fails) to parse
        // it as a public key on every verify, ~50x slower per authenticated request.
        secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Only the login endpoints are throttled (per client IP); the limit is shared by replicas via Redis.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null) => ({
        throttlers: [
          { name: 'default', ttl: config.throttle.loginTtlSeconds * 1000, limit: config.throttle.loginLimit },
        ],
        // one budget per client IP shared by both login endpoints
        generateKey: (_context, tracker) => `login:${tracker}`,
        ...(redis ? { storage: new RedisThrottlerStorage(redis, config.redisKeyPrefix) } : {}),
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [AuthService, AdminAccountService, AuthGuard],
  exports: [AuthService, AdminAccountService, AuthGuard],
})
export class AuthModule {}
