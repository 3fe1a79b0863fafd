import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OrdersService } from '@kassa/orders';

/**
 * The order reads and moves printing needs. OrdersModule is configured once by the app (it takes
 * options), so its service is looked up in the app rather than imported as a module.
 */
@Injectable()
export class OrdersReader implements OnModuleInit {
  private orders?: OrdersService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.orders = this.moduleRef.get(OrdersService, { strict: false });
  }

  service(): OrdersService {
    if (!this.orders) throw new Error('OrdersModule is not part of this app');
    return this.orders;
  }
}
