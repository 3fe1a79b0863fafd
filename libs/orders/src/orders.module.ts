import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { CatalogModule } from '@kassa/catalog';
import { InventoryModule } from '@kassa/inventory';
import { PaymentOutcomes } from '@kassa/payments';
import { SlotsModule } from '@kassa/slots';
import { StoresModule } from '@kassa/stores';
import { CheckoutFlow } from './checkout/checkout.flow';
import { IdempotencyKeys } from './checkout/idempotency';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { OrderLine } from './entities/order-line.entity';
import { OrderNumber } from './entities/order-number.entity';
import { OrderRefund } from './entities/order-refund.entity';
import { OrderTransition } from './entities/order-transition.entity';
import { Order } from './entities/order.entity';
import { OrderInScopeGuard } from './order-in-scope.guard';
import { OrderRefunds } from './order-refunds.service';
import { OrderTimersJob } from './order-timers.job';
import { OrderViews } from './order-views.service';
import { OrdersAdminController } from './orders-admin.controller';
import { ORDERS_OPTIONS, OrdersOptions } from './orders.options';
import { OrdersService, SYSTEM } from './orders.service';
import { OrdersReconciliationReader } from './orders-reconciliation.reader';
import { StorefrontOrdersController } from './storefront-orders.controller';
import { StorefrontPaymentMethodsController } from './storefront-payment-methods.controller';

/** Handed to the platform's ORM setup by the app. */
export const ORDERS_ENTITIES = [Order, OrderLine, OrderTransition, OrderNumber, IdempotencyKey, OrderRefund];

@Module({})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly outcomes: PaymentOutcomes,
    private readonly orders: OrdersService,
  ) {}

  static forRoot(options: OrdersOptions): DynamicModule {
    return {
      module: OrdersModule,
      imports: [MikroOrmModule.forFeature(ORDERS_ENTITIES), StoresModule, CatalogModule, InventoryModule, SlotsModule],
      controllers: [StorefrontOrdersController, StorefrontPaymentMethodsController, OrdersAdminController],
      providers: [
        { provide: ORDERS_OPTIONS, useValue: options },
        OrdersService,
        OrderViews,
        CheckoutFlow,
        IdempotencyKeys,
        OrderTimersJob,
        OrderInScopeGuard,
        OrderRefunds,
        OrdersReconciliationReader,
      ],
      exports: [OrdersService],
    };
  }

  /** A payment's outcome moves its order in the same transaction: paid, or cancelled when declined. */
  onModuleInit(): void {
    this.outcomes.register({
      paymentCaptured: async (payment) => {
        await this.orders.act(payment.orderId, 'pay', SYSTEM);
      },
      paymentFailed: async (payment) => {
        await this.orders.act(payment.orderId, 'cancel', SYSTEM, 'Payment declined');
      },
    });
  }
}
