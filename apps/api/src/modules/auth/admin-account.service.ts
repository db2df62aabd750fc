import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminLoginResponse,
  type AdminProfile,
  type OperatorList,
  type OperatorRole,
  type OperatorView,
} from '@sutwxapp/contracts';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { In, Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService } from './auth.service';
import { AdminUserEntity } from './entities/admin-user.entity';
import { BCRYPT_MAX_BYTES, normaliseUsername, passwordProblem } from './username';

const BCRYPT_COST = 10;
// Compared against when the username does not exist, so timing does not reveal valid usernames.
// Made on first use, not at import: hashing at cost 10 took ~80 ms of every start-up.
let dummyHash: Promise<string> | null = null;
const dummyHashOnce = (): Promise<string> => (dummyHash ??= bcrypt.hash('not-a-real-password', BCRYPT_COST));

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

@Injectable()
export class AdminAccountService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminAccountService.name);

  constructor(
    @InjectRepository(AdminUserEntity) private readonly admins: Repository<AdminUserEntity>,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * First start: create the operator account from ADMIN_USERNAME/ADMIN_PASSWORD. In development
   * with neither set, an `admin` account gets a random password written to DATA_DIR (never logged).
   */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.admins.count()) > 0) return;
    const { username, password } = this.config.admin;
    if (username && password) {
      await this.create(username, password);
      this.logger.log(`created admin account "${username}" from ADMIN_USERNAME`);
    } else if (this.config.nodeEnv === 'development') {
      const generated = randomBytes(12).toString('base64url');
      await this.create('admin', generated);
      const dir = resolve(this.config.runtime.dataDir);
      mkdirSync(dir, { recursive: true });
      const file = resolve(dir, 'admin-password.txt');
      writeFileSync(file, `${generated}\n`, { mode: 0o600 });
      this.logger.warn(`created development admin account "admin"; its password is in ${file}`);
    } else if (this.config.nodeEnv === 'production') {
      this.logger.warn('no admin account exists: set ADMIN_USERNAME/ADMIN_PASSWORD or run npm run admin:create');
    }
  }

  async create(username: string, password: string, operatorRole: OperatorRole = 'owner'): Promise<AdminUserEntity> {
    const problem = passwordProblem(password);
    if (problem) throw Errors.VALIDATION_FAILED(problem, { errors: [{ field: 'password', message: problem }] });
    const normal = normaliseUsername(username);
    if (await this.admins.existsBy({ username: normal })) {
      throw Errors.CONFLICT(`An operator named "${normal}" already exists; choose another username`);
    }
    const passwordHash = await hashPassword(password);
    await this.admins.insert({ username: normal, passwordHash, role: 'admin', operatorRole });
    return this.admins.findOneByOrFail({ username: normal });
  }

  async login(username: string, password: string): Promise<AdminLoginResponse> {
    const admin = await this.admins
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.username = :username', { username: normaliseUsername(username) })
      .getOne();
    // bcrypt would compare only the first 72 bytes: a longer password can never be the real one
    // (they are refused when set), and must not log in on its prefix
    const tooLong = Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES;
    const ok = await bcrypt.compare(tooLong ? '' : password, admin?.passwordHash ?? (await dummyHashOnce()));
    if (!admin || !ok || tooLong || admin.disabledAt !== null) {
      throw Errors.INVALID_CREDENTIALS();
    }
    await this.admins.update({ id: admin.id }, { lastLoginAt: new Date() });
    return {
      ...this.auth.sign(admin.id, 'admin', admin.tokenVersion),
      admin: { id: admin.id, username: admin.username, role: 'admin', operatorRole: admin.operatorRole },
    };
  }

  /** The operator's own password; every token issued before (this one included) stops working. */
  async changePassword(adminId: number, currentPassword: string, newPassword: string): Promise<void> {
    const admin = await this.admins
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.id = :id', { id: adminId })
      .getOne();
    const tooLong = Buffer.byteLength(currentPassword, 'utf8') > BCRYPT_MAX_BYTES;
    if (!admin || tooLong || !(await bcrypt.compare(currentPassword, admin.passwordHash))) {
      throw Errors.INVALID_CREDENTIALS('The current password is wrong', { status: 400 });
    }
    await this.setPassword(adminId, newPassword);
  }

  /** Another operator's password (forgotten, or suspected known): their sessions end. */
  async resetPassword(adminId: number, newPassword: string): Promise<void> {
    await this.findOrFail(adminId);
    await this.setPassword(adminId, newPassword);
  }

  /** A disabled operator can't log in and their tokens stop working at once. */
  async disable(actorId: number, adminId: number): Promise<void> {
    if (actorId === adminId) {
      throw Errors.CONFLICT("You can't disable your own account; ask another operator");
    }
    await this.findOrFail(adminId);
    await this.admins
      .createQueryBuilder()
      .update(AdminUserEntity)
      .set({ disabledAt: new Date(), tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id: adminId })
      .execute();
  }

  async profile(adminId: number, operatorRole: OperatorRole): Promise<AdminProfile> {
    const admin = await this.findOrFail(adminId);
    return { id: admin.id, username: admin.username, role: 'admin', operatorRole };
  }

  /** Every operator, for the owner's operators screen. */
  async list(): Promise<OperatorList> {
    const rows = await this.admins.find({ order: { id: 'ASC' } });
    return { items: rows.map(toView) };
  }

  /** Current usernames by account id (the audit log names who did what). */
  async usernames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.admins.find({ select: { id: true, username: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((a) => [a.id, a.username]));
  }

  async createOperator(username: string, password: string, operatorRole: OperatorRole): Promise<OperatorView> {
    return toView(await this.create(username, password, operatorRole));
  }

  /**
   * A new role holds from the operator's next request (AuthGuard reads it on each one). The owner
   * can't demote themselves: a shop must keep someone who can manage operators.
   */
  async setRole(actorId: number, adminId: number, operatorRole: OperatorRole): Promise<OperatorView> {
    if (actorId === adminId && operatorRole !== 'owner') {
      throw Errors.CONFLICT("You can't change your own role; ask another owner");
    }
    await this.findOrFail(adminId);
    await this.admins.update({ id: adminId }, { operatorRole });
    return toView(await this.findOrFail(adminId));
  }

  /** A disabled operator may sign in again; tokens from before stay revoked. */
  async enable(adminId: number): Promise<void> {
    await this.findOrFail(adminId);
    await this.admins.update({ id: adminId }, { disabledAt: null });
  }

  /** Explicit logout: every token of this operator ends (tokens carry no id to end just one). */
  async logout(adminId: number): Promise<void> {
    await this.admins
      .createQueryBuilder()
      .update(AdminUserEntity)
      .set({ tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id: adminId })
      .execute();
  }

  private async setPassword(adminId: number, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw Errors.VALIDATION_FAILED(problem, { errors: [{ field: 'newPassword', message: problem }] });
    const passwordHash = await hashPassword(password);
    await this.admins
      .createQueryBuilder()
      .update(AdminUserEntity)
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id: adminId })
      .execute();
  }

  private async findOrFail(adminId: number): Promise<AdminUserEntity> {
    const admin = await this.admins.findOneBy({ id: adminId });
    if (!admin) throw Errors.NOT_FOUND('Operator not found');
    return admin;
  }
}

function toView(admin: AdminUserEntity): OperatorView {
  return {
    id: admin.id,
    username: admin.username,
    operatorRole: admin.operatorRole,
    disabled: admin.disabledAt !== null,
    lastLoginAt: admin.lastLoginAt ? admin.lastLoginAt.toISOString() : null,
    createdAt: admin.createdAt.toISOString(),
  };
}
