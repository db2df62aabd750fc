import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { AdminShipmentController } from './admin-shipment.controller';
import { LogisticsController } from './logistics.controller';
import { ShippingService } from './shipping.service';
import { SignedCompletionRule } from './signed-completion.rule';
import { TrackingService } from './tracking.service';

/** Shipping (admin), carriers, shopper tracking through Kuaidi100, and the signed-completion rule. */
@Module({
  imports: [OrderModule],
  controllers: [LogisticsController, AdminShipmentController],
  providers: [ShippingService, TrackingService, SignedCompletionRule],
  exports: [TrackingService],
})
export class LogisticsModule {}
