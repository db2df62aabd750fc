import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CartView } from '@sutwxapp/contracts';
import { IdParam } from '../../common/parse-id.pipe';
import { CurrentUserId, ShopperOnly } from '../auth/guards/auth.guard';
import { CartService } from './cart.service';
import { AddCartItemDto, SelectAllDto, UpdateCartItemDto } from './dto/cart.dto';

@ApiTags('cart')
@Controller('cart')
@ShopperOnly()
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get(['', 'items'])
  view(@CurrentUserId() userId: number): Promise<CartView> {
    return this.cart.view(userId);
  }

  @Post('items')
  add(@CurrentUserId() userId: number, @Body() dto: AddCartItemDto): Promise<CartView> {
    return this.cart.add(userId, dto);
  }

  @Post('items/select-all')
  @HttpCode(200)
  selectAll(@CurrentUserId() userId: number, @Body() dto: SelectAllDto): Promise<CartView> {
    return this.cart.selectAll(userId, dto.selected);
  }

  @Patch('items/:id')
  update(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: UpdateCartItemDto): Promise<CartView> {
    return this.cart.update(userId, id, dto);
  }

  @Delete('items/:id')
  @HttpCode(204)
  remove(@CurrentUserId() userId: number, @IdParam() id: number): Promise<void> {
    return this.cart.remove(userId, id);
  }
}
