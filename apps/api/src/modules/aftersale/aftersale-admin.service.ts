import { Inject, Injectable } from '@nestjs/common';
import { type AdminAfterSale, type AdminAfterSaleListQuery, type AdminAfterSalePage } from '@sutwxapp/contracts';
import { Errors } from '../../common/errors/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionService } from '../../database/transaction.service';
import { OrderReadsService, type OrderRead } from '../order/order-reads.service';
import { toAfterSale } from './aftersale.service';
import { AfterSaleEntity } from './entities/aftersale.entity';

/** Operators' reads of the queue: each request with its order number and the line it is about. */
@Injectable()
export class AfterSaleAdminService {
  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderReadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(query: AdminAfterSaleListQuery & { page: number; pageSize: number }): Promise<AdminAfterSalePage> {
    const [rows, total] = await this.tx.manager.findAndCount(AfterSaleEntity, {
      where: {
        ...(query.orderId ? { orderId: query.orderId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { id: query.sort === 'oldest' ? 'ASC' : 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const orders = await this.orders.ordersWithLines(rows.map((r) => r.orderId));
    return {
      items: rows.map((r) => this.toAdmin(r, orders.get(r.orderId))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<AdminAfterSale> {
    const row = await this.tx.manager.findOneBy(AfterSaleEntity, { id });
    if (!row) throw Errors.AFTERSALE_NOT_FOUND();
    return this.toAdmin(row, (await this.orders.ordersWithLines([row.orderId])).get(row.orderId));
  }

  private toAdmin(row: AfterSaleEntity, order: OrderRead | undefined): AdminAfterSale {
    const line = order?.lines.find((l) => l.skuId === row.skuId);
    return {
      ...toAfterSale(row, this.config),
      userId: row.userId,
      orderNo: order?.orderNo ?? '',
      line: line
        ? {
            productId: line.productId,
            title: line.title,
            specs: line.specs,
            image: line.image,
            unitPrice: line.unitPrice,
            quantity: line.quantity,
          }
        : null,
    };
  }
}
