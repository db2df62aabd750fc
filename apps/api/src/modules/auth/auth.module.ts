import { type ExecutionContext, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../infra/redis.module';
import { AdminAccountService } from './admin-account.service';
import { AdminOperatorsController } from './admin-operators.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AdminUserEntity } from './entities/admin-user.entity';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { RedisThrottlerStorage } from './guards/redis-throttler.storage';

const isOperatorLogin = (context: ExecutionContext): boolean =>
  context.getHandler() === AuthController.prototype.adminLogin;

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
          {
            name: 'default',
            ttl: config.throttle.loginTtlSeconds * 1000,
            limit: (context) =>
              isOperatorLogin(context) ? config.throttle.adminLoginLimit : config.throttle.loginLimit,
          },
        ],
        // Separate budgets per client IP: shoppers behind one NAT (a campus, a carrier) spending
        // theirs must not lock the shop's operators out, and the other way round.
        generateKey: (context, tracker) => `login:${isOperatorLogin(context) ? 'admin' : 'shopper'}:${tracker}`,
        ...(redis ? { storage: new RedisThrottlerStorage(redis, config.redisKeyPrefix) } : {}),
      }),
    }),
  ],
  controllers: [AuthController, AdminOperatorsController],
  providers: [AuthService, AdminAccountService, AuthGuard],
  exports: [TypeOrmModule, AuthService, AdminAccountService, AuthGuard],
})
export class AuthModule {}
