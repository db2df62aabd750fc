import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, type Order, type OrderPage, OrderStatus } from '@sutwxapp/contracts';
import { In, MoreThanOrEqual, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { OrderListQueryDto } from './dto/order.dto';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderParcelEntity } from './entities/order-parcel.entity';
import { shipmentsOf, toOrder } from './order.mapper';
import type { OrderRecord, ShippedParcel } from './order-record';

@Injectable()
export class OrderQueryService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    @InjectRepository(OrderParcelEntity) private readonly parcels: Repository<OrderParcelEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A shopper's own order; anyone else's is 404, never 403 (ids are not confirmed to exist). */
  async getOwned(userId: number, id: number): Promise<Order> {
    return this.toDto(await this.findOwnedEntity(userId, id));
  }

  async findOwnedEntity(userId: number, id: number): Promise<OrderRecord> {
    const order = await this.orders.findOne({ where: { id, userId } });
    if (!order) throw Errors.ORDER_NOT_FOUND();
    return order;
  }

  /** The shopper's unpaid orders and the units they reserve, read on the caller's transaction. */
  async unpaidHoldings(em: EntityManager, userId: number): Promise<{ orders: number; units: number }> {
    const row = await em
      .createQueryBuilder(OrderEntity, 'o')
      .leftJoin(OrderItemEntity, 'i', 'i.order_id = o.id')
      .select('COUNT(DISTINCT o.id)', 'orders')
      .addSelect('COALESCE(SUM(i.quantity), 0)', 'units')
      .where('o.user_id = :userId AND o.status = :status', { userId, status: OrderStatus.PENDING_PAYMENT })
      .getRawOne<{ orders: string | number; units: string | number }>();
    return { orders: Number(row?.orders ?? 0), units: Number(row?.units ?? 0) };
  }

  async getAny(id: number): Promise<Order> {
    return this.toDto(await this.findEntity(id));
  }

  async findEntity(id: number): Promise<OrderRecord> {
    const order = await this.orders.findOne({ where: { id } });
    if (!order) throw Errors.ORDER_NOT_FOUND();
    return order;
  }

  /**
   * Orders shipped (and not yet refunded or cancelled) since `since`, oldest first, with their
   * parcels: for catch-up sweeps.
   */
  async shippedSince(
    since: Date,
    limit: number,
  ): Promise<Array<Pick<OrderRecord, 'id' | 'orderNo'> & { parcels: ShippedParcel[] }>> {
    const rows = await this.orders.find({
      where: { status: In([OrderStatus.SHIPPED, OrderStatus.COMPLETED]), shippedAt: MoreThanOrEqual(since) },
      select: { id: true, orderNo: true, carrierCode: true, trackingNo: true, shippedAt: true },
      order: { shippedAt: 'ASC' },
      take: limit,
    });
    const parcels = rows.length ? await this.parcels.find({ where: { orderId: In(rows.map((r) => r.id)) } }) : [];
    return rows.map((o) => ({
      id: o.id,
      orderNo: o.orderNo,
      parcels: parcelsOf(
        o,
        parcels.filter((p) => p.orderId === o.id),
      ),
    }));
  }

  /** The parcels an order was shipped in (seq order), or the order row's one parcel. */
  async parcelsOf(order: OrderRecord): Promise<ShippedParcel[]> {
    return parcelsOf(order, await this.parcels.find({ where: { orderId: order.id } }));
  }

  async findByOrderNo(orderNo: string): Promise<OrderRecord | null> {
    return this.orders.findOne({ where: { orderNo } });
  }

  async listOwned(userId: number, query: OrderListQueryDto): Promise<OrderPage> {
    return this.list({ userId, ...(query.status ? { status: query.status } : {}) }, query);
  }

  async toDto(order: OrderRecord): Promise<Order> {
    const [items, parcels] = await Promise.all([
      this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } }),
      this.parcels.find({ where: { orderId: order.id } }),
    ]);
    return toOrder(this.config, order, items, Date.now(), parcels);
  }

  private async list(where: FindOptionsWhere<OrderEntity>, query: OrderListQueryDto): Promise<OrderPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.orders.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const ids = rows.map((r) => r.id);
    const [items, parcels] = rows.length
      ? await Promise.all([
          this.items.find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
          this.parcels.find({ where: { orderId: In(ids) } }),
        ])
      : [[], []];
    const byOrder = new Map<number, OrderItemEntity[]>();
    for (const item of items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
    const now = Date.now();
    return {
      items: rows.map((o) =>
        toOrder(
          this.config,
          o,
          byOrder.get(o.id) ?? [],
          now,
          parcels.filter((p) => p.orderId === o.id),
        ),
      ),
      total,
      page,
      pageSize,
    };
  }
}

function parcelsOf(
  order: Pick<OrderRecord, 'carrierCode' | 'trackingNo' | 'shippedAt'>,
  parcels: OrderParcelEntity[],
): ShippedParcel[] {
  return shipmentsOf(order, parcels).map(({ carrierCode, trackingNo, items }) => ({ carrierCode, trackingNo, items }));
}
