import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AdminOrder, type AdminOrderPage, DEFAULT_PAGE_SIZE } from '@sutwxapp/contracts';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import type { AdminOrderFilterDto, AdminOrderListQueryDto } from './dto/admin-order.dto';
import { OrderEntity } from './entities/order.entity';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderParcelEntity } from './entities/order-parcel.entity';
import { ordersCsv } from './order-export';
import { toAdminOrder } from './order.mapper';

const DAY_MS = 86_400_000;
const EXPORT_BATCH = 500;
const SORT_COLUMNS = { createdAt: 'o.created_at', paidAt: 'o.paid_at', payableAmount: 'o.payable_amount' } as const;

/** A Beijing calendar day's first instant (UTC+8, no daylight saving). */
const beijingMidnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
/** LIKE with `!` as the escape character: the same on MySQL and SQLite (a backslash is not). */
const likeEscaped = (text: string): string => text.replace(/[!%_]/g, '!$&');

/**
 * The merchant console's order list and its CSV export: every order, filtered by status, Beijing
 * days, order number, receiver phone and product, sorted and paged in SQL. Only order/ reads
 * these tables; other features go through OrderPort.
 */
@Injectable()
export class AdminOrderQueryService {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    @InjectRepository(OrderParcelEntity) private readonly parcels: Repository<OrderParcelEntity>,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async list(query: AdminOrderListQueryDto): Promise<AdminOrderPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.filtered(query)
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: await this.toDtos(rows), total, page, pageSize };
  }

  async get(id: number): Promise<AdminOrder> {
    const order = await this.orders.findOne({ where: { id } });
    if (!order) throw Errors.ORDER_NOT_FOUND();
    const [dto] = await this.toDtos([order]);
    return dto;
  }

  /**
   * The filtered list as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese): counted
   * first, refused above ORDER_EXPORT_MAX_ROWS, then read in batches in the list's order.
   */
  async exportCsv(query: AdminOrderFilterDto): Promise<Buffer> {
    const max = this.config.order.exportMaxRows;
    const total = await this.filtered(query).getCount();
    if (total > max) {
      throw Errors.EXPORT_TOO_LARGE(
        `筛选出 ${total} 个订单，超过一次导出的上限 ${max} 个：请缩小日期范围或增加筛选条件后再导出`,
        { details: { total, max } },
      );
    }
    const orders: AdminOrder[] = [];
    for (let offset = 0; offset < total; offset += EXPORT_BATCH) {
      const rows = await this.filtered(query)
        .offset(offset)
        .limit(Math.min(EXPORT_BATCH, total - offset))
        .getMany();
      if (rows.length === 0) break;
      orders.push(...(await this.toDtos(rows)));
    }
    return Buffer.from(ordersCsv(orders), 'utf8');
  }

  private filtered(q: AdminOrderFilterDto): SelectQueryBuilder<OrderEntity> {
    const qb = this.orders.createQueryBuilder('o');
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.from && q.to && q.from > q.to) {
      throw Errors.VALIDATION_FAILED('开始日期不能晚于结束日期', {
        errors: [{ field: 'from', message: 'from 不能晚于 to' }],
      });
    }
    if (q.from) qb.andWhere('o.created_at >= :from', { from: beijingMidnight(q.from) });
    if (q.to) qb.andWhere('o.created_at < :to', { to: new Date(beijingMidnight(q.to).getTime() + DAY_MS) });
    if (q.orderNo) qb.andWhere("o.order_no LIKE :orderNo ESCAPE '!'", { orderNo: `${likeEscaped(q.orderNo)}%` });
    if (q.phone) {
      // a whole number is an index lookup; a tail (尾号) has to scan
      if (q.phone.length === 11) qb.andWhere('o.receiver_phone = :phone', { phone: q.phone });
      else qb.andWhere("o.receiver_phone LIKE :phone ESCAPE '!'", { phone: `%${q.phone}` });
    }
    if (q.product) {
      // digits alone are an id: "2" must not also find every title with a 2 in it ("2024 新款" still
      // finds the title, it is not digits alone)
      if (/^\d+$/.test(q.product)) {
        const productId = Number(q.product) <= 2_147_483_647 ? Number(q.product) : 0;
        qb.andWhere('EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.product_id = :productId)', {
          productId,
        });
      } else {
        qb.andWhere("EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.title LIKE :title ESCAPE '!')", {
          title: `%${likeEscaped(q.product)}%`,
        });
      }
    }
    const direction = q.order === 'asc' ? 'ASC' : 'DESC';
    return qb.orderBy(SORT_COLUMNS[q.sort ?? 'createdAt'], direction).addOrderBy('o.id', direction);
  }

  private async toDtos(rows: OrderEntity[]): Promise<AdminOrder[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [items, parcels] = await Promise.all([
      this.items.find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
      this.parcels.find({ where: { orderId: In(ids) }, order: { seq: 'ASC' } }),
    ]);
    const now = Date.now();
    return rows.map((o) =>
      toAdminOrder(
        this.config,
        o,
        items.filter((i) => i.orderId === o.id),
        parcels.filter((p) => p.orderId === o.id),
        now,
      ),
    );
  }
}
