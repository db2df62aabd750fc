import { Injectable } from '@nestjs/common';
import { type Order } from '@sutwxapp/contracts';
import { CARRIERS, findCarrier } from '@sutwxapp/wechat';
import { Errors } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { OrderPort } from '../order/order.port';
import type { ShipOrderDto } from './dto/ship-order.dto';

@Injectable()
export class ShippingService {
  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderPort,
  ) {}

  /**
   * PAID → SHIPPED with the carrier and number, as one conditional update (the state table
   * answers 409 for any other state, and two operators shipping at once ship it once).
   * The order process publishes order_shipped after the commit.
   */
  async ship(orderId: number, dto: ShipOrderDto): Promise<Order> {
    const carrier = findCarrier(dto.carrierCode);
    if (!carrier) {
      throw Errors.CARRIER_NOT_SUPPORTED(
        `Carrier "${dto.carrierCode}" is not supported; use one of ${CARRIERS.map((c) => c.code).join(', ')}`,
        { errors: [{ field: 'carrierCode', message: 'unsupported carrier' }] },
      );
    }
    await this.tx.run((em) =>
      this.orders.require(em, orderId, 'ship', {
        shippedAt: new Date(),
        carrierCode: carrier.code,
        trackingNo: dto.trackingNo,
      }),
    );
    return this.orders.getAny(orderId);
  }
}
