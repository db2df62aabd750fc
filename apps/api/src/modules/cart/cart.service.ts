import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CartItem, type CartItemState, type CartView } from '@sutwxapp/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/db-errors';
import { lockOwner } from '../../database/owner-lock';
import { TransactionService } from '../../database/transaction.service';
import { publicUrl } from '../../common/public-url';
import { InventoryService, type SkuForSale } from '../catalog/inventory.service';
import type { AddCartItemDto, UpdateCartItemDto } from './dto/cart.dto';
import { MAX_LINE_QUANTITY } from './dto/cart.dto';
import { CartItemEntity } from './entities/cart-item.entity';

export const MAX_CART_LINES = 100;

export function itemState(forSale: SkuForSale | undefined, quantity: number): CartItemState {
  if (!forSale || !forSale.product.onShelf) return 'off_shelf';
  if (forSale.sku.stock <= 0) return 'sold_out';
  if (forSale.sku.stock < quantity) return 'insufficient_stock';
  return 'available';
}

@Injectable()
export class CartService {
  constructor(
    @InjectRepository(CartItemEntity) private readonly items: Repository<CartItemEntity>,
    private readonly inventory: InventoryService,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(userId: number): Promise<CartView> {
    // newest line first, and stable: selecting or changing a quantity must not reorder the cart
    const rows = await this.items.find({ where: { userId }, order: { id: 'DESC' } });
    const forSale = await this.inventory.findForSale(
      this.items.manager,
      rows.map((r) => r.skuId),
    );
    const items: CartItem[] = rows.map((row) => {
      const entry = forSale.get(row.skuId);
      return {
        id: row.id,
        skuId: row.skuId,
        productId: entry?.product.id ?? 0,
        title: entry?.product.title ?? '已下架商品',
        image: publicUrl(this.config, entry?.product.images[0] ?? null, 240),
        specs: entry?.sku.specs ?? {},
        price: entry?.sku.price ?? 0,
        quantity: row.quantity,
        selected: row.selected,
        stock: entry?.sku.stock ?? 0,
        state: itemState(entry, row.quantity),
      };
    });
    const payable = items.filter((i) => i.selected && i.state === 'available');
    return {
      items,
      selectedCount: payable.reduce((n, i) => n + i.quantity, 0),
      selectedTotal: payable.reduce((sum, i) => sum + i.price * i.quantity, 0),
    };
  }

  /**
   * Adding a SKU already in the cart adds to its quantity: an upsert. The shopper's row lock makes
   * parallel adds of one SKU queue (one inserts, the rest add to it) and keeps the line limit
   * exact; a unique-key race that still slips through is retried once as an update, never a 500.
   */
  async add(userId: number, dto: AddCartItemDto): Promise<CartView> {
    try {
      await this.addInTransaction(userId, dto);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await this.addInTransaction(userId, dto);
    }
    return this.view(userId);
  }

  private async addInTransaction(userId: number, dto: AddCartItemDto): Promise<void> {
    await this.tx.run(async (em) => {
      await lockOwner(em, userId);
      const entry = (await this.inventory.findForSale(em, [dto.skuId])).get(dto.skuId);
      if (!entry) throw Errors.SKU_NOT_FOUND();
      if (!entry.product.onShelf) {
        throw Errors.PRODUCT_UNAVAILABLE(`"${entry.product.title}" is no longer on sale`);
      }
      const existing = await em.findOne(CartItemEntity, { where: { userId, skuId: dto.skuId } });
      const quantity = (existing?.quantity ?? 0) + dto.quantity;
      if (quantity > MAX_LINE_QUANTITY) {
        throw Errors.VALIDATION_FAILED(`At most ${MAX_LINE_QUANTITY} of one item fit in the cart`);
      }
      if (quantity > entry.sku.stock) {
        throw Errors.OUT_OF_STOCK(`Only ${entry.sku.stock} of "${entry.product.title}" left`, {
          details: { skuId: dto.skuId },
        });
      }
      if (existing) {
        await em.update(CartItemEntity, { id: existing.id, userId }, { quantity, selected: true });
      } else {
        if ((await em.count(CartItemEntity, { where: { userId } })) >= MAX_CART_LINES) {
          throw Errors.CART_FULL(`The cart holds at most ${MAX_CART_LINES} different items`);
        }
        await em.insert(CartItemEntity, { userId, skuId: dto.skuId, quantity, selected: true });
      }
    });
  }

  async update(userId: number, id: number, dto: UpdateCartItemDto): Promise<CartView> {
    const patch: Partial<CartItemEntity> = {};
    if (dto.quantity !== undefined) patch.quantity = dto.quantity;
    if (dto.selected !== undefined) patch.selected = dto.selected;
    const result = Object.keys(patch).length
      ? await this.items.update({ id, userId }, patch)
      : { affected: await this.items.countBy({ id, userId }) };
    if (!result.affected) throw Errors.CART_ITEM_NOT_FOUND();
    return this.view(userId);
  }

  async selectAll(userId: number, selected: boolean): Promise<CartView> {
    await this.items.update({ userId }, { selected });
    return this.view(userId);
  }

  async remove(userId: number, id: number): Promise<void> {
    const result = await this.items.delete({ id, userId });
    if (!result.affected) throw Errors.CART_ITEM_NOT_FOUND();
  }

  /** Selected lines for checkout, read in the order's transaction. */
  async selectedLines(em: EntityManager, userId: number): Promise<Array<{ skuId: number; quantity: number }>> {
    const rows = await em.find(CartItemEntity, { where: { userId, selected: true }, order: { id: 'ASC' } });
    return rows.map((r) => ({ skuId: r.skuId, quantity: r.quantity }));
  }

  /** Ordered items leave the cart, in the same transaction as the order. */
  async removeSkus(em: EntityManager, userId: number, skuIds: number[]): Promise<void> {
    if (skuIds.length > 0) await em.delete(CartItemEntity, { userId, skuId: In(skuIds) });
  }
}
