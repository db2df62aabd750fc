import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ROLES_EXTENSION } from '../../../common/openapi/api-route.decorator';
import { type OperatorRole, OPERATOR_ROLE_LABELS, permissions, type Role } from '@sutwxapp/contracts';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Errors } from '../../../common/errors/app-error';
import { Audited } from '../../events/audit-trail.interceptor';
import type { AuthContext } from '../auth-context';
import { AdminUserEntity } from '../entities/admin-user.entity';

export type { AuthContext };

export interface TokenPayload {
  sub: number;
  role: Role;
  /** operators only: admin_users.token_version when the token was issued */
  ver?: number;
  /** set by jsonwebtoken; a token without it would never expire and is refused */
  exp?: number;
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
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * An operator token is good only while its account is enabled and its token_version is the
   * one it was issued with (password change or reset, disable and logout move it on). Read from
   * the database on every operator request, so a revocation holds on every replica at once;
   * operator traffic is small and this is one primary-key lookup.
   */
  private async checkOperatorSession(payload: TokenPayload): Promise<OperatorRole> {
    const account = await this.dataSource.getRepository(AdminUserEntity).findOne({
      where: { id: payload.sub },
      select: { id: true, tokenVersion: true, disabledAt: true, operatorRole: true },
    });
    if (!account || account.disabledAt !== null || account.tokenVersion !== payload.ver) {
      throw Errors.UNAUTHORIZED('This session has ended; sign in again');
    }
    return account.operatorRole;
  }

  /**
   * The operator's role against the permission table (libs/contracts permissions.ts), keyed by
   * the route as the OpenAPI document writes it. The role is read with the session on every
   * request, so a role change holds at once on every replica.
   */
  private checkPermission(request: AuthedRequest, operatorRole: OperatorRole): void {
    const template = (request.routeOptions?.url ?? '').replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}');
    const allowed = permissions.rolesFor(request.method, template);
    if (!allowed.includes(operatorRole)) {
      const labels = allowed.map((r) => OPERATOR_ROLE_LABELS[r]).join('、');
      throw Errors.FORBIDDEN(
        `Your role (${OPERATOR_ROLE_LABELS[operatorRole]}) can't do this; it needs ${labels}. 您的角色无此权限`,
      );
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw Errors.UNAUTHORIZED('Sign in first: send Authorization: Bearer <token>');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(match[1], { algorithms: ['HS256'] });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') {
        throw Errors.TOKEN_EXPIRED();
      }
      throw Errors.UNAUTHORIZED('Invalid access token; sign in again');
    }
    if (
      !Number.isInteger(payload.sub) ||
      (payload.role !== 'shopper' && payload.role !== 'admin') ||
      typeof payload.exp !== 'number'
    ) {
      throw Errors.UNAUTHORIZED('Invalid access token; sign in again');
    }
    const operatorRole = payload.role === 'admin' ? await this.checkOperatorSession(payload) : undefined;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && !required.includes(payload.role)) {
      throw Errors.FORBIDDEN(`This endpoint is for ${required.join(' or ')} accounts`);
    }
    if (operatorRole && required?.includes('admin')) this.checkPermission(request, operatorRole);
    request.auth = { id: payload.sub, role: payload.role, operatorRole };
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
 * (bound here so no admin controller can forget it; reads are not recorded). Per route rather
 * than global: an interceptor on every request costs Nest's rxjs pipeline on every cached
 * catalog read (bench/RESULTS.md).
 */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES, ['admin']),
    UseGuards(AuthGuard),
    Audited('admin_action'),
    ApiBearerAuth(),
    ApiExtension(ROLES_EXTENSION, ['admin']),
  );

/** The calling operator's role, set by AuthGuard. */
export const CurrentOperatorRole = createParamDecorator((_data: unknown, context: ExecutionContext): OperatorRole => {
  const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth?.operatorRole) throw Errors.UNAUTHORIZED();
  return auth.operatorRole;
});

/** The caller's id (users.id or admin_users.id), set by AuthGuard. */
export const CurrentUserId = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw Errors.UNAUTHORIZED();
  return auth.id;
});
