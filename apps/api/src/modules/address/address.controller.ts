import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
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
  @ApiRoute({ summary: "The shopper's addresses, the default first", ok: { 200: 'Address[]' } })
  list(@CurrentUserId() userId: number): Promise<Address[]> {
    return this.addresses.list(userId);
  }

  @Get(':id')
  @ApiRoute({
    summary: "One of the shopper's addresses",
    ok: { 200: 'Address' },
    errors: { 404: ['ADDRESS_NOT_FOUND'] },
  })
  get(@CurrentUserId() userId: number, @IdParam() id: number): Promise<Address> {
    return this.addresses.get(userId, id);
  }

  @Post()
  @ApiRoute({
    summary: 'Add an address (the first one becomes the default)',
    body: 'AddressInput',
    ok: { 201: 'Address' },
    errors: { 409: ['ADDRESS_LIMIT_REACHED'] },
  })
  create(@CurrentUserId() userId: number, @Body() dto: AddressDto): Promise<Address> {
    return this.addresses.create(userId, dto);
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Change an address or make it the default',
    body: 'UpdateAddressRequest',
    ok: { 200: 'Address' },
    errors: { 404: ['ADDRESS_NOT_FOUND'] },
  })
  update(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: UpdateAddressDto): Promise<Address> {
    return this.addresses.update(userId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Delete an address', ok: { 204: null }, errors: { 404: ['ADDRESS_NOT_FOUND'] } })
  remove(@CurrentUserId() userId: number, @IdParam() id: number): Promise<void> {
    return this.addresses.remove(userId, id);
  }
}
