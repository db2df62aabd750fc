import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AdminLoginResponse, ErrorCode } from '@sutwxapp/contracts';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService } from './auth.service';
import { AdminUserEntity } from './entities/admin-user.entity';

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
      const dir = resolve(process.env.DATA_DIR ?? './data');
      mkdirSync(dir, { recursive: true });
      const file = resolve(dir, 'admin-password.txt');
      writeFileSync(file, `${generated}\n`, { mode: 0o600 });
      this.logger.warn(`created development admin account "admin"; its password is in ${file}`);
    } else if (this.config.nodeEnv === 'production') {
      this.logger.warn('no admin account exists: set ADMIN_USERNAME/ADMIN_PASSWORD or run npm run admin:create');
    }
  }

  async create(username: string, password: string): Promise<AdminUserEntity> {
    const passwordHash = await hashPassword(password);
    await this.admins.insert({ username, passwordHash, role: 'admin' });
    return this.admins.findOneByOrFail({ username });
  }

  async login(username: string, password: string): Promise<AdminLoginResponse> {
    const admin = await this.admins
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.username = :username', { username })
      .getOne();
    const ok = await bcrypt.compare(password, admin?.passwordHash ?? (await dummyHashOnce()));
    if (!admin || !ok) throw new AppError(401, ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    await this.admins.update({ id: admin.id }, { lastLoginAt: new Date() });
    return { ...this.auth.sign(admin.id, 'admin'), admin: { id: admin.id, username: admin.username, role: 'admin' } };
  }
}
