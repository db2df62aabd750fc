import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Address, MAX_ADDRESSES, type OrderAddress } from '@sutwxapp/contracts';
import { Not, Repository, type EntityManager } from 'typeorm';
import { BOUND_PHONE, type BoundPhonePort } from '../../common/bound-phone.port';
import { Errors } from '../../common/errors/app-error';
import { lockOwner } from '../../database/owner-lock';
import { TransactionService } from '../../database/transaction.service';
import type { AddressDto, UpdateAddressDto } from './dto/address.dto';
import { AddressEntity } from './entities/address.entity';

/** Where a parcel goes: what an order keeps of the address. */
function toOrderAddress(a: AddressEntity): OrderAddress {
  return {
    receiverName: a.receiverName,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
  };
}

function toAddress(a: AddressEntity): Address {
  return { id: a.id, ...toOrderAddress(a), postalCode: a.postalCode, isDefault: a.isDefault };
}

/** The address book: at most 20 per shopper and, once there is one, exactly one default. */
@Injectable()
export class AddressService {
  constructor(
    @InjectRepository(AddressEntity) private readonly addresses: Repository<AddressEntity>,
    private readonly tx: TransactionService,
    @Optional() @Inject(BOUND_PHONE) private readonly boundPhone: BoundPhonePort | null = null,
  ) {}

  /** The address's phone, or the one bound with WeChat when the shopper chose it. */
  private async phoneFor(userId: number, dto: AddressDto): Promise<string> {
    if (dto.phone !== undefined || dto.useBoundPhone !== true) return dto.phone;
    const bound = (await this.boundPhone?.phoneOf(userId)) ?? null;
    if (!bound) {
      throw Errors.VALIDATION_FAILED('No phone number is bound with WeChat yet; enter one or bind it first', {
        errors: [{ field: 'phone', message: 'no bound phone number' }],
      });
    }
    return bound;
  }

  async list(userId: number): Promise<Address[]> {
    const rows = await this.addresses.find({
      where: { userId },
      order: { isDefault: 'DESC', updatedAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toAddress);
  }

  async get(userId: number, id: number): Promise<Address> {
    return toAddress(await this.findOwned(this.addresses.manager, userId, id));
  }

  /** The snapshot an order keeps, read inside the order's transaction. */
  async snapshotForOrder(em: EntityManager, userId: number, id: number): Promise<OrderAddress> {
    return toOrderAddress(await this.findOwned(em, userId, id));
  }

  async create(userId: number, dto: AddressDto): Promise<Address> {
    const phone = await this.phoneFor(userId, dto);
    const id = await this.tx.run(async (em) => {
      // counted under the shopper's row lock: 60 parallel creates must not make 30 addresses
      await lockOwner(em, userId);
      const count = await em.count(AddressEntity, { where: { userId } });
      if (count >= MAX_ADDRESSES) {
        throw Errors.ADDRESS_LIMIT_REACHED(`You can keep at most ${MAX_ADDRESSES} addresses; delete one first`);
      }
      const makeDefault = dto.isDefault === true || count === 0;
      if (makeDefault) await em.update(AddressEntity, { userId, isDefault: true }, { isDefault: false });
      const result = await em.insert(AddressEntity, {
        userId,
        receiverName: dto.receiverName.trim(),
        phone,
        province: dto.province.trim(),
        city: dto.city.trim(),
        district: dto.district.trim(),
        detail: dto.detail.trim(),
        postalCode: dto.postalCode ?? null,
        isDefault: makeDefault,
      });
      return result.identifiers[0].id as number;
    });
    return this.get(userId, id);
  }

  async update(userId: number, id: number, dto: UpdateAddressDto): Promise<Address> {
    await this.tx.run(async (em) => {
      await lockOwner(em, userId);
      const existing = await this.findOwned(em, userId, id);
      const { isDefault, ...rest } = dto;
      // trimmed like create, so the order snapshot copies exactly what create would have stored
      const fields = Object.fromEntries(
        Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
      ) as Partial<AddressEntity>;
      if (isDefault === true && !existing.isDefault) {
        await em.update(AddressEntity, { userId, isDefault: true }, { isDefault: false });
      }
      // the only default can't be switched off directly: choose another default instead
      const patch: Partial<AddressEntity> = { ...fields, ...(isDefault === true ? { isDefault: true } : {}) };
      if (Object.keys(patch).length > 0) await em.update(AddressEntity, { id, userId }, patch);
    });
    return this.get(userId, id);
  }

  async remove(userId: number, id: number): Promise<void> {
    await this.tx.run(async (em) => {
      await lockOwner(em, userId);
      const existing = await this.findOwned(em, userId, id);
      await em.delete(AddressEntity, { id, userId });
      if (existing.isDefault) {
        const next = await em.findOne(AddressEntity, {
          where: { userId, id: Not(id) },
          order: { updatedAt: 'DESC', id: 'DESC' },
        });
        if (next) await em.update(AddressEntity, { id: next.id, userId }, { isDefault: true });
      }
    });
  }

  private async findOwned(em: EntityManager, userId: number, id: number): Promise<AddressEntity> {
    // owner scoping in the query itself: another shopper's address is simply not found
    const address = await em.findOne(AddressEntity, { where: { id, userId } });
    if (!address) throw Errors.ADDRESS_NOT_FOUND();
    return address;
  }
}
