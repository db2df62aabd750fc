import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddressModule } from '../address/address.module';
import { CartModule } from '../cart/cart.module';
import { CatalogModule } from '../catalog/catalog.module';
import { OrderHooks } from './order-hooks';
import { OrderMediaReferences } from './order-media-references';
import { AdminOrderController } from './admin-order.controller';
import { OrderItemEntity } from './entities/order-item.entity';
import { OrderEntity } from './entities/order.entity';
import { OrderParcelEntity } from './entities/order-parcel.entity';
import { AdminOrderQueryService } from './admin-order-query.service';
import { OrderController } from './order.controller';
import { OrderCreateService } from './order-create.service';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderQueryService } from './order-query.service';
import { OrderReadsService } from './order-reads.service';
import { OrderSummaryController } from './order-summary.controller';
import { OrderSummaryService } from './order-summary.service';
import { OrderSweeperService } from './order-sweeper.service';
import { OrderTransitionsService } from './order-transitions.service';
import { OrderPort } from './order.port';
import { SalesReportQuery } from './order-sales-report.query';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderItemEntity, OrderParcelEntity]),
    CatalogModule,
    CartModule,
    AddressModule,
    DiscoveryModule,
  ],
  controllers: [OrderController, OrderSummaryController, AdminOrderController],
  providers: [
    OrderCreateService,
    OrderQueryService,
    AdminOrderQueryService,
    OrderLifecycleService,
    OrderTransitionsService,
    OrderSweeperService,
    OrderMediaReferences,
    OrderSummaryService,
    OrderHooks,
    OrderReadsService,
    OrderPort,
    SalesReportQuery,
  ],
  // other features reach orders through the port (transitions, reads, the parcel's facts)
  exports: [OrderPort, OrderQueryService, SalesReportQuery, OrderReadsService],
})
export class OrderModule {}
