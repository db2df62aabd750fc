import { Injectable } from '@nestjs/common';
import { ErrorCode, type Order } from '@sutwxapp/contracts';
import { CARRIERS, findCarrier } from '@sutwxapp/wechat';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/domain-events';
import { TransactionService } from '../../database/transaction.service';
import { OrderEntity } from '../order/entities/order.entity';
import { OrderQueryService } from '../order/order-query.service';
import { OrderTransitionsService } from '../order/order-transitions.service';
import type { ShipOrderDto } from './dto/ship-order.dto';

@Injectable()
export class ShippingService {
  constructor(
    private readonly tx: TransactionService,
    private readonly transitions: OrderTransitionsService,
    private readonly orders: OrderQueryService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * PAID → SHIPPED with the carrier and number, as one conditional update (the state table
   * answers 409 for any other state, and two operators shipping at once ship it once).
   * order_shipped is published after the commit.
   */
  async ship(orderId: number, dto: ShipOrderDto): Promise<Order> {
    const carrier = findCarrier(dto.carrierCode);
    if (!carrier) {
      throw new AppError(
        400,
        ErrorCode.CARRIER_NOT_SUPPORTED,
        `Carrier "${dto.carrierCode}" is not supported; use one of ${CARRIERS.map((c) => c.code).join(', ')}`,
        [{ field: 'carrierCode', message: 'unsupported carrier' }],
      );
    }
    const order = await this.tx.run(async (em) => {
      await this.transitions.require(em, orderId, 'ship', {
        shippedAt: new Date(),
        carrierCode: carrier.code,
        trackingNo: dto.trackingNo,
      });
      return em.findOneByOrFail(OrderEntity, { id: orderId });
    });
    this.events.publish('order_shipped', {
      orderId: order.id,
      userId: order.userId,
      orderNo: order.orderNo,
      carrierCode: carrier.code,
      trackingNo: dto.trackingNo,
    });
    return this.orders.toDto(order);
  }
}
