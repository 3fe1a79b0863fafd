import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OrderForNotification, OrderNotificationState, OrdersService } from '@kassa/orders';

/**
 * The reads of @kassa/orders this lib needs. OrdersModule is configured once by the app
 * (forRoot), so its service is looked up in the app rather than imported as a second module.
 */
@Injectable()
export class OrderDirectory implements OnModuleInit {
  private orders?: OrdersService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.orders = this.moduleRef.get(OrdersService, { strict: false });
  }

  forNotification(orderId: string): Promise<OrderForNotification | null> {
    return this.service().forNotification(orderId);
  }

  notificationStates(orderIds: readonly string[]): Promise<Map<string, OrderNotificationState>> {
    return this.service().notificationStates(orderIds);
  }

  openOrdersPickingUpBefore(storeId: string, now: Date, until: Date): Promise<string[]> {
    return this.service().openOrdersPickingUpBefore(storeId, now, until);
  }

  private service(): OrdersService {
    if (!this.orders) throw new Error('OrdersModule is not part of this app');
    return this.orders;
  }
}
