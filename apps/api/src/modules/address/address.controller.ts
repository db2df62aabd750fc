import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Address } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { AddressService } from './address.service';
import { AddressDto, UpdateAddressDto } from './dto/address.dto';

@ApiTags('addresses')
@Controller('addresses')
@ShopperOnly()
export class AddressController {
  constructor(private readonly addresses: AddressService) {}

  @Get()
  list(@CurrentUserId() userId: number): Promise<Address[]> {
    return this.addresses.list(userId);
  }

  @Get(':id')
  get(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Address> {
    return this.addresses.get(userId, id);
  }

  @Post()
  create(@CurrentUserId() userId: number, @Body() dto: AddressDto): Promise<Address> {
    return this.addresses.create(userId, dto);
  }

  @Patch(':id')
  update(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: UpdateAddressDto): Promise<Address> {
    return this.addresses.update(userId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUserId() userId: number, @IdParam() id: number): Promise<void> {
    return this.addresses.remove(userId, id);
  }
}
