import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type PhoneBinding } from '@sutwxapp/contracts';
import { maskPhone, MiniProgramOpenApi, WechatOpenApiError } from '@sutwxapp/wechat';
import { Repository } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { UserPhoneEntity } from './entities/user-phone.entity';
import { InjectAppId } from './tokens';

/**
 * The shopper's phone number from the getPhoneNumber button: the code is exchanged server-side
 * (/wxa/business/getuserphonenumber), the number is stored and only ever shown or logged masked.
 */
@Injectable()
export class PhoneService {
  private readonly logger = new Logger(PhoneService.name);

  constructor(
    @InjectRepository(UserPhoneEntity) private readonly users: Repository<UserPhoneEntity>,
    private readonly api: MiniProgramOpenApi,
    @InjectAppId() private readonly appId: string,
  ) {}

  async bind(userId: number, code: string): Promise<PhoneBinding> {
    let phone: string;
    try {
      phone = (await this.api.getPhoneNumber(code, this.appId)).purePhoneNumber;
    } catch (err) {
      if (err instanceof WechatOpenApiError && (err.errcode === 40029 || err.errcode === 40163)) {
        throw Errors.PHONE_CODE_INVALID();
      }
      this.logger.warn(`getuserphonenumber failed: ${(err as Error).message}`);
      throw Errors.WECHAT_UNAVAILABLE('WeChat cannot give the phone number right now; please retry');
    }
    await this.users.update({ id: userId }, { phone, phoneBoundAt: new Date() });
    this.logger.log(`user ${userId} bound phone ${maskPhone(phone)}`);
    return { phoneMasked: maskPhone(phone) };
  }

  async get(userId: number): Promise<PhoneBinding> {
    const phone = await this.phoneOf(userId);
    return { phoneMasked: phone ? maskPhone(phone) : null };
  }

  /** The full number, for server-side use only (an address that defaults to it); never returned. */
  async phoneOf(userId: number): Promise<string | null> {
    return (await this.users.findOne({ where: { id: userId }, select: { id: true, phone: true } }))?.phone ?? null;
  }
}
