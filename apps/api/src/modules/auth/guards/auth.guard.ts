import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ROLES_EXTENSION } from '../../../common/openapi/api-route.decorator';
import { ErrorCode, type Role } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../common/errors/app-error';
import { AuditTrailInterceptor } from '../../events/audit-trail.interceptor';

export interface AuthContext {
  /** users.id for shoppers, admin_users.id for operators */
  id: number;
  role: Role;
}

export interface TokenPayload {
  sub: number;
  role: Role;
}

type AuthedRequest = FastifyRequest & { auth?: AuthContext };

const ROLES = 'sutwxapp:roles';

/**
 * Verifies the bearer JWT (HS256 only: `alg: none` and other algorithms are refused) and
 * checks the role the route asks for. A shopper token is not an admin and an admin token is
 * not a shopper: the roles are disjoint on purpose.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <token>');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(match[1], { algorithms: ['HS256'] });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') {
        throw new AppError(401, ErrorCode.TOKEN_EXPIRED, 'Your session has expired; sign in again');
      }
      throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Invalid access token; sign in again');
    }
    if (!Number.isInteger(payload.sub) || (payload.role !== 'shopper' && payload.role !== 'admin')) {
      throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Invalid access token; sign in again');
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && !required.includes(payload.role)) {
      throw new AppError(403, ErrorCode.FORBIDDEN, `This endpoint is for ${required.join(' or ')} accounts`);
    }
    request.auth = { id: payload.sub, role: payload.role };
    return true;
  }
}

/** Routes for signed-in shoppers. */
export const ShopperOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES, ['shopper']),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiExtension(ROLES_EXTENSION, ['shopper']),
  );

/**
 * Routes for operators (admin accounts). Every state-changing call through them is audited
 * (AuditTrailInterceptor, bound here so no admin controller can forget it; reads are not
 * recorded). The interceptor is bound per route rather than globally: an interceptor on every
 * request costs Nest's rxjs pipeline on every cached catalog read (bench/RESULTS.md).
 */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES, ['admin']),
    UseGuards(AuthGuard),
    UseInterceptors(AuditTrailInterceptor),
    ApiBearerAuth(),
    ApiExtension(ROLES_EXTENSION, ['admin']),
  );

/** The caller's id (users.id or admin_users.id), set by AuthGuard. */
export const CurrentUserId = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new AppError(401, ErrorCode.UNAUTHORIZED, 'Sign in first');
  return auth.id;
});
