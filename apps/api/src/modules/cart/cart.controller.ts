import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
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
  @ApiRoute({ summary: "The shopper's cart with current prices and stock", ok: { 200: 'CartView' } })
  view(@CurrentUserId() userId: number): Promise<CartView> {
    return this.cart.view(userId);
  }

  @Post('items')
  @ApiRoute({
    summary: 'Put a SKU in the cart (adds to the quantity if it is there)',
    body: 'AddCartItemRequest',
    ok: { 201: 'CartView' },
    errors: { 404: ['SKU_NOT_FOUND'], 409: ['CART_FULL', 'PRODUCT_UNAVAILABLE', 'OUT_OF_STOCK'] },
  })
  add(@CurrentUserId() userId: number, @Body() dto: AddCartItemDto): Promise<CartView> {
    return this.cart.add(userId, dto);
  }

  @Post('items/select-all')
  @HttpCode(200)
  @ApiRoute({ summary: 'Select or unselect every cart line', body: 'SelectAllRequest', ok: { 200: 'CartView' } })
  selectAll(@CurrentUserId() userId: number, @Body() dto: SelectAllDto): Promise<CartView> {
    return this.cart.selectAll(userId, dto.selected);
  }

  @Patch('items/:id')
  @ApiRoute({
    summary: 'Change a cart line: quantity or selection',
    body: 'UpdateCartItemRequest',
    ok: { 200: 'CartView' },
    errors: { 404: ['CART_ITEM_NOT_FOUND'], 409: ['OUT_OF_STOCK', 'PRODUCT_UNAVAILABLE'] },
  })
  update(@CurrentUserId() userId: number, @IdParam() id: number, @Body() dto: UpdateCartItemDto): Promise<CartView> {
    return this.cart.update(userId, id, dto);
  }

  @Delete('items/:id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Remove a cart line', ok: { 204: null }, errors: { 404: ['CART_ITEM_NOT_FOUND'] } })
  remove(@CurrentUserId() userId: number, @IdParam() id: number): Promise<void> {
    return this.cart.remove(userId, id);
  }
}
