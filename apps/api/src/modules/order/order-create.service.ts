import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Order, OrderStatus, type PreviewOrderRequest, type PreviewOrderResponse } from '@sutwxapp/contracts';
import { createHash, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/domain-events';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { insertRow, insertRows } from '../../database/insert-row';
import { lockOwner } from '../../database/owner-lock';
import { TransactionService } from '../../database/transaction.service';
import { metrics } from '../../observability/metrics';
import { AddressService } from '../address/address.service';
import { CartService } from '../cart/cart.service';
import { InventoryService, type SkuForSale } from '../catalog/inventory.service';
import { publicUrl } from '../../common/public-url';
import {
  CHECKOUT_ADJUSTMENTS,
  type CheckoutAdjustmentsPort,
  type CheckoutChoice,
  type CheckoutLineInput,
  type CheckoutQuote,
} from '../../common/checkout-adjustments.port';
import type { CreateOrderDto } from './dto/order.dto';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderQueryService } from './order-query.service';
import { toOrder } from './order.mapper';

/** yyyyMMddHHmmss in Beijing time + 8 random digits: 22 chars, valid as a WeChat out_trade_no. */
export function newOrderNo(now = new Date()): string {
  const bj = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return bj.slice(0, 19).replace(/\D/g, '') + String(randomInt(0, 100_000_000)).padStart(8, '0');
}

export function freightFor(goodsAmount: number, config: AppConfig['order']): number {
  return goodsAmount >= config.freeFreightThresholdFen ? 0 : config.freightFen;
}

@Injectable()
export class OrderCreateService {
  constructor(
    private readonly tx: TransactionService,
    private readonly inventory: InventoryService,
    private readonly cart: CartService,
    private readonly addresses: AddressService,
    private readonly query: OrderQueryService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(CHECKOUT_ADJUSTMENTS) private readonly adjustments?: CheckoutAdjustmentsPort,
  ) {}

  /**
   * Creates an order and reserves its stock in one transaction. Prices come from the database;
   * the client only names SKUs and quantities. With an Idempotency-Key, a retried submit
   * returns the first order instead of creating a second one: the unique index on
   * (user_id, idempotency_key) detects the replay when the order row is inserted, so a first
   * submit costs no extra lookup; any refusal of a keyed submit (sold out since, address
   * deleted since, a parallel retry that won the insert) first checks for an order already
   * made with that key and answers with it.
   */
  async create(
    userId: number,
    dto: CreateOrderDto,
    idempotencyKey?: string,
  ): Promise<{ order: Order; replayed: boolean }> {
    if (Boolean(dto.items) === Boolean(dto.fromCart)) {
      throw Errors.VALIDATION_FAILED('Send either items (buy now) or fromCart: true, not both and not neither', {
        errors: [{ field: 'items', message: 'send items or fromCart' }],
      });
    }
    const requestHash = idempotencyKey ? hashRequest(dto) : null;
    let created: { order: OrderEntity; items: OrderItemEntity[] };
    try {
      created = await this.tx.run((em) =>
        this.createInTransaction(em, userId, dto, idempotencyKey ?? null, requestHash),
      );
    } catch (err) {
      if (idempotencyKey) {
        const replay = await this.findReplay(userId, idempotencyKey, requestHash!);
        if (replay) return { order: replay, replayed: true };
      }
      throw err;
    }
    metrics.ordersCreated.inc();
    // every value of the new rows is known here: no read-back
    const order = toOrder(this.config, created.order, created.items);
    this.events.publish('order_created', {
      orderId: order.id,
      userId,
      orderNo: order.orderNo,
      payableAmount: order.payableAmount,
      items: order.items.map((i) => ({ productId: i.productId, skuId: i.skuId, quantity: i.quantity })),
    });
    return { order, replayed: false };
  }

  /** What the checkout page shows before submitting: same pricing, nothing reserved. */
  async preview(userId: number, dto: PreviewOrderRequest): Promise<PreviewOrderResponse> {
    const em = this.tx.manager;
    // someone else's address is as unknown here as it is to POST /orders: 404, never a price
    if (dto.addressId !== undefined) await this.addresses.snapshotForOrder(em, userId, dto.addressId);
    const lines = mergeLines(dto.fromCart ? await this.cart.selectedLines(em, userId) : (dto.items ?? []));
    if (lines.length === 0) throw Errors.EMPTY_ORDER();
    const priced = await this.priceLines(em, lines);
    // ---- checkout adjustments: coupon + points, freight on the discounted goods ----
    const quote = await this.quoteAdjustments(
      em,
      userId,
      priced,
      { couponId: dto.couponId, points: dto.points },
      false,
    );
    const { goodsAmount, freightAmount, discountAmount } = this.amounts(priced, quote);
    this.checkOrderLimits(priced, goodsAmount - discountAmount + freightAmount);
    return {
      items: priced.map(({ line, entry }) => ({
        skuId: line.skuId,
        productId: entry.product.id,
        title: entry.product.title,
        specs: entry.sku.specs,
        image: publicUrl(this.config, entry.product.images[0] ?? null, 240),
        unitPrice: entry.sku.price,
        quantity: line.quantity,
        subtotal: entry.sku.price * line.quantity,
      })),
      goodsAmount,
      freightAmount,
      payableAmount: goodsAmount - discountAmount + freightAmount,
      discountAmount,
      selectedCouponId: quote?.selectedCouponId ?? null,
      coupons: quote?.coupons ?? [],
      points: quote?.points ?? { balance: 0, used: 0, max: 0, fenPerPoint: 1, discount: 0 },
    };
  }

  /** Issue 23's step: what the coupon and the points take off, per line (none without the port). */
  private async quoteAdjustments(
    em: EntityManager,
    userId: number,
    priced: PricedLine[],
    choice: CheckoutChoice,
    strict: boolean,
  ): Promise<CheckoutQuote | null> {
    if (!this.adjustments) return null;
    return this.adjustments.quote(em, userId, checkoutLines(priced), choice, strict);
  }

  /** Current database prices for each line; missing or off-shelf SKUs stop the order. */
  private async priceLines(
    em: EntityManager,
    lines: Array<{ skuId: number; quantity: number }>,
  ): Promise<PricedLine[]> {
    const forSale = await this.inventory.findForSale(
      em,
      lines.map((l) => l.skuId),
    );
    return lines.map((line) => {
      const entry = forSale.get(line.skuId);
      if (!entry) {
        throw Errors.SKU_NOT_FOUND(`SKU ${line.skuId} does not exist`, {
          details: { skuId: line.skuId },
        });
      }
      if (!entry.product.onShelf) {
        throw Errors.PRODUCT_UNAVAILABLE(`"${entry.product.title}" is no longer on sale`, {
          details: { skuId: line.skuId },
        });
      }
      return { line, entry };
    });
  }

  /**
   * One order may not hoard a product or exceed what WeChat Pay can charge: per SKU (its own
   * purchase_limit, else ORDER_MAX_UNITS_PER_SKU), lines, units and the payable amount.
   */
  private checkOrderLimits(priced: PricedLine[], payable: number): void {
    const limits = this.config.order.limits;
    if (priced.length > limits.maxLines) {
      throw Errors.ORDER_TOO_LARGE(`An order can have at most ${limits.maxLines} different items`);
    }
    for (const { line, entry } of priced) {
      const limit = entry.sku.purchaseLimit ?? limits.maxUnitsPerSku;
      if (line.quantity > limit) {
        throw Errors.PURCHASE_LIMIT_EXCEEDED(`"${entry.product.title}" is limited to ${limit} per order`, {
          details: { skuId: line.skuId, limit },
        });
      }
    }
    const units = priced.reduce((n, p) => n + p.line.quantity, 0);
    if (units > limits.maxUnits) {
      throw Errors.ORDER_TOO_LARGE(`An order can hold at most ${limits.maxUnits} pieces`);
    }
    if (payable > limits.maxPayableFen) {
      throw Errors.ORDER_AMOUNT_TOO_LARGE(
        `An order can come to at most ¥${(limits.maxPayableFen / 100).toFixed(2)}; please split it`,
        { details: { limit: limits.maxPayableFen } },
      );
    }
  }

  /** Unpaid orders reserve stock: one shopper may hold only so many of them, and so many units. */
  private async checkShopperLimits(em: EntityManager, userId: number, priced: PricedLine[]): Promise<void> {
    const limits = this.config.order.limits;
    const held = await this.query.unpaidHoldings(em, userId);
    if (held.orders >= limits.maxUnpaidOrdersPerShopper) {
      throw Errors.TOO_MANY_UNPAID_ORDERS(
        `You have ${held.orders} unpaid orders; pay or cancel one before ordering again`,
        { details: { limit: limits.maxUnpaidOrdersPerShopper } },
      );
    }
    const units = priced.reduce((n, p) => n + p.line.quantity, 0);
    if (held.units + units > limits.maxUnitsHeldPerShopper) {
      throw Errors.UNPAID_UNITS_LIMIT(
        `Your unpaid orders already hold ${held.units} pieces (at most ${limits.maxUnitsHeldPerShopper}); pay or cancel one first`,
        { details: { limit: limits.maxUnitsHeldPerShopper } },
      );
    }
  }

  /** Freight rules apply to the goods after the coupon and points discount. */
  private amounts(
    priced: PricedLine[],
    quote: CheckoutQuote | null = null,
  ): { goodsAmount: number; freightAmount: number; discountAmount: number } {
    const goodsAmount = priced.reduce((sum, p) => sum + p.entry.sku.price * p.line.quantity, 0);
    const discountAmount = quote ? quote.couponFen + quote.pointsFen : 0;
    return {
      goodsAmount,
      discountAmount,
      freightAmount: freightFor(goodsAmount - discountAmount, this.config.order),
    };
  }

  private async findReplay(userId: number, key: string, requestHash: string): Promise<Order | null> {
    const existing = await this.tx.manager.findOne(OrderEntity, { where: { userId, idempotencyKey: key } });
    if (!existing) return null;
    if (existing.requestHash !== requestHash) {
      throw Errors.IDEMPOTENCY_KEY_REUSED(
        'This Idempotency-Key was already used for a different order; use a new key for a new order',
      );
    }
    return this.query.getOwned(userId, existing.id);
  }

  /**
   * Reads (cart, address, prices) first, then writes the order and its items, and reserves stock
   * last: under READ COMMITTED the reads take no locks, and the SKU row locks, which every buyer
   * of a popular SKU queues on, are held only from the reservation to the commit.
   */
  private async createInTransaction(
    em: EntityManager,
    userId: number,
    dto: CreateOrderDto,
    idempotencyKey: string | null,
    requestHash: string | null,
  ): Promise<{ order: OrderEntity; items: OrderItemEntity[] }> {
    // the shopper's own limits are counted under their row lock: parallel submits queue here
    await lockOwner(em, userId);
    const lines = mergeLines(dto.fromCart ? await this.cart.selectedLines(em, userId) : dto.items!);
    if (lines.length === 0) throw Errors.EMPTY_ORDER('Select at least one cart item to order');
    const address = await this.addresses.snapshotForOrder(em, userId, dto.addressId);
    const priced = await this.priceLines(em, lines);

    // ---- checkout adjustments: only what the shopper chose, refused if unusable ----
    const quote = await this.quoteAdjustments(
      em,
      userId,
      priced,
      { couponId: dto.couponId ?? null, points: dto.points ?? 0 },
      true,
    );
    const { goodsAmount, freightAmount, discountAmount } = this.amounts(priced, quote);
    this.checkOrderLimits(priced, goodsAmount - discountAmount + freightAmount);
    await this.checkShopperLimits(em, userId, priced);
    const now = new Date();
    const order = em.create(OrderEntity, {
      orderNo: newOrderNo(now),
      userId,
      status: OrderStatus.PENDING_PAYMENT,
      goodsAmount,
      freightAmount,
      payableAmount: goodsAmount - discountAmount + freightAmount,
      address,
      receiverPhone: address.phone,
      remark: dto.remark?.trim() || null,
      idempotencyKey,
      requestHash,
      payDeadline: new Date(now.getTime() + this.config.order.payTimeoutSeconds * 1000),
      createdAt: now,
      updatedAt: now,
    });
    // a replayed Idempotency-Key fails here, on the unique index, before any stock is locked
    order.id = await insertRow(em, OrderEntity, order);
    const items = priced.map(({ line, entry }) =>
      em.create(OrderItemEntity, {
        orderId: order.id,
        skuId: line.skuId,
        productId: entry.product.id,
        title: entry.product.title,
        specs: entry.sku.specs,
        image: entry.product.images[0] ?? null,
        unitPrice: entry.sku.price,
        quantity: line.quantity,
      }),
    );
    await insertRows(em, OrderItemEntity, items);
    if (dto.fromCart)
      await this.cart.removeSkus(
        em,
        userId,
        lines.map((l) => l.skuId),
      );
    await this.inventory.reserve(em, lines, new Map(priced.map((p) => [p.line.skuId, p.entry.product.title])));
    // ---- checkout adjustments: lock the coupon, debit the points, record line shares ----
    if (quote) await this.adjustments!.commit(em, userId, order.id, checkoutLines(priced), quote);
    return { order, items };
  }
}

/** Lines naming one SKU become one line (limits are per SKU, not per line), first position kept. */
function mergeLines(lines: Array<{ skuId: number; quantity: number }>): Array<{ skuId: number; quantity: number }> {
  const merged = new Map<number, number>();
  for (const l of lines) merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }));
}

type PricedLine = { line: { skuId: number; quantity: number }; entry: SkuForSale };

function checkoutLines(priced: PricedLine[]): CheckoutLineInput[] {
  return priced.map(({ line, entry }) => ({
    skuId: line.skuId,
    productId: entry.product.id,
    categoryId: entry.product.categoryId,
    quantity: line.quantity,
    goodsFen: entry.sku.price * line.quantity,
  }));
}

function hashRequest(dto: CreateOrderDto): string {
  const canonical = JSON.stringify({
    items: dto.items?.map((i) => [i.skuId, i.quantity]) ?? null,
    fromCart: dto.fromCart ?? false,
    addressId: dto.addressId,
    remark: dto.remark ?? null,
    // undefined is left out by JSON.stringify: hashes of orders without promotions stay as they were
    couponId: dto.couponId,
    points: dto.points,
  });
  return createHash('sha256').update(canonical).digest('hex');
}
